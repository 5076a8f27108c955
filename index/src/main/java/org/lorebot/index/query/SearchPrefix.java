package org.lorebot.index.query;

import java.util.List;
import java.util.Optional;
import org.lorebot.index.store.IndexFields;

/** The query prefixes of public-inbox, and the index fields each one searches. */
public enum SearchPrefix {
    SUBJECT("s", IndexFields.SUBJECT),
    FROM("f", IndexFields.FROM),
    TO("t", IndexFields.TO),
    CC("c", IndexFields.CC),
    TO_CC("tc", IndexFields.TO, IndexFields.CC),
    ANY_ADDRESS("a", IndexFields.TO, IndexFields.CC, IndexFields.FROM),
    BODY("b", IndexFields.NOT_QUOTED, IndexFields.DIFF_FILE, IndexFields.DIFF_REMOVED,
            IndexFields.DIFF_ADDED, IndexFields.DIFF_HUNK_HEADING, IndexFields.DIFF_CONTEXT,
            IndexFields.QUOTED),
    SUBJECT_BODY("bs", IndexFields.NOT_QUOTED, IndexFields.DIFF_FILE, IndexFields.DIFF_REMOVED,
            IndexFields.DIFF_ADDED, IndexFields.DIFF_HUNK_HEADING, IndexFields.DIFF_CONTEXT,
            IndexFields.QUOTED, IndexFields.SUBJECT),
    MESSAGE_ID("m", IndexFields.MID_TEXT),
    LIST("l", IndexFields.LIST_TEXT),
    /** Text outside quotes, diffs included (public-inbox's nq: spans its diff prefixes). */
    NOT_QUOTED("nq", IndexFields.NOT_QUOTED, IndexFields.DIFF_FILE, IndexFields.DIFF_REMOVED,
            IndexFields.DIFF_ADDED, IndexFields.DIFF_HUNK_HEADING, IndexFields.DIFF_CONTEXT),
    QUOTED("q", IndexFields.QUOTED),
    DIFF_FILE("dfn", IndexFields.DIFF_FILE),
    DIFF_REMOVED("dfa", IndexFields.DIFF_REMOVED),
    DIFF_ADDED("dfb", IndexFields.DIFF_ADDED),
    DIFF_HUNK_HEADING("dfhh", IndexFields.DIFF_HUNK_HEADING),
    DIFF_CONTEXT("dfctx", IndexFields.DIFF_CONTEXT),
    /** Attachment file names. */
    ATTACHMENT_NAME("n", IndexFields.ATTACHMENT_NAME),
    /** Date range, {@code YYYYMMDD..YYYYMMDD} or relative; handled by {@link DateRange}. */
    DATE("d"),
    /** Date-time range, {@code YYYYMMDDhhmmss..YYYYMMDDhhmmss}, public-inbox's older form. */
    DATE_TIME("dt"),
    /** Range of the time the archive received the message, written as for {@code d:}. */
    RECEIVED("rt"),
    /** git's stable patch-id, exact. */
    PATCH_ID("patchid"),
    /** Blob id (7 or more hex digits) a diff changes, before the change. */
    DIFF_PRE_BLOB("dfpre"),
    /** Blob id (7 or more hex digits) a diff changes, after the change. */
    DIFF_POST_BLOB("dfpost"),
    /**
     * No prefix: public-inbox's default, Message-ID, subject, from and the whole body (quoted,
     * not quoted, diffs).
     */
    NONE("", IndexFields.MID_TEXT, IndexFields.SUBJECT, IndexFields.FROM, IndexFields.QUOTED,
            IndexFields.NOT_QUOTED, IndexFields.DIFF_FILE, IndexFields.DIFF_REMOVED,
            IndexFields.DIFF_ADDED, IndexFields.DIFF_HUNK_HEADING, IndexFields.DIFF_CONTEXT);

    private final String name;
    private final List<String> fields;

    SearchPrefix(String name, String... fields) {
        this.name = name;
        this.fields = List.of(fields);
    }

    /** What users type before the colon. */
    public String prefix() {
        return name;
    }

    /** Whether its value is one date, range or id rather than words. */
    public boolean takesOneValue() {
        return fields.isEmpty() && this != NONE;
    }

    /** The text fields searched, empty for the special prefixes. */
    public List<String> fields() {
        return fields;
    }

    /** The prefix named {@code name} (lower case, as public-inbox spells it), if any. */
    public static Optional<SearchPrefix> named(String name) {
        for (SearchPrefix p : values()) {
            if (p != NONE && p.name.equals(name)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
