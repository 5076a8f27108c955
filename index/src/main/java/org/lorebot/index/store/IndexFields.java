package org.lorebot.index.store;

import java.util.List;

/**
 * The Lucene schema. Searchable text fields carry public-inbox's probabilistic prefixes (each one
 * indexed twice: words with positions under its name, and under {@code name_stem} the stems that
 * differ from their words, see {@link StemFilter}); the rest are exact terms, numbers for ranges
 * and sorting, and stored values for display.
 */
public final class IndexFields {

    /** Exact Message-ID: the document key (term), also as sorted doc values. */
    public static final String MID = "mid";
    /** Words of the Message-ID ({@code m:}). */
    public static final String MID_TEXT = "m";
    /** Subject ({@code s:}). */
    public static final String SUBJECT = "s";
    /** From ({@code f:}). */
    public static final String FROM = "f";
    /** To ({@code t:}). */
    public static final String TO = "t";
    /** Cc ({@code c:}). */
    public static final String CC = "c";
    /** Body text outside quotes and diffs ({@code nq:}). */
    public static final String NOT_QUOTED = "nq";
    /** Quoted body text, lines starting with {@code >} ({@code q:}). */
    public static final String QUOTED = "q";
    /** File names of diffs ({@code dfn:}). */
    public static final String DIFF_FILE = "dfn";
    /** Removed diff lines ({@code dfa:}). */
    public static final String DIFF_REMOVED = "dfa";
    /** Added diff lines ({@code dfb:}). */
    public static final String DIFF_ADDED = "dfb";
    /** Hunk header function context ({@code dfhh:}). */
    public static final String DIFF_HUNK_HEADING = "dfhh";
    /** Diff context lines ({@code dfctx:}). */
    public static final String DIFF_CONTEXT = "dfctx";
    /** Inbox name and List-Id ({@code l:}). */
    public static final String LIST_TEXT = "l";
    /** File names of attachments ({@code n:}). */
    public static final String ATTACHMENT_NAME = "n";

    /** Every field indexed as words plus stems. */
    public static final List<String> TEXT_FIELDS = List.of(MID_TEXT, SUBJECT, FROM, TO, CC,
            NOT_QUOTED, QUOTED, DIFF_FILE, DIFF_REMOVED, DIFF_ADDED, DIFF_HUNK_HEADING,
            DIFF_CONTEXT, LIST_TEXT, ATTACHMENT_NAME);

    /** The inbox name, exact. */
    public static final String LIST = "list";
    /** git's stable patch-id of the message's diff, lower-case hex. */
    public static final String PATCH_ID = "patchid";
    /** Date, epoch seconds: a point for ranges, doc values for sorting, stored. */
    public static final String DATE = "date";
    /** When the archive received it (commit time, else the Date), epoch seconds: a point. */
    public static final String RECEIVED = "rt";
    /**
     * Blob ids of a diff's {@code index A..B} lines, before ({@code dfpre:}) and after
     * ({@code dfpost:}): exact terms, each id also under every abbreviation down to 7 digits.
     */
    public static final String DIFF_PRE_BLOB = "dfpre";
    public static final String DIFF_POST_BLOB = "dfpost";
    /** Ingest order, increasing over the life of the index. */
    public static final String SEQUENCE = "seq";
    /**
     * References for threading: ids separated by {@link #REFS_SEPARATOR} (binary doc values).
     */
    public static final String THREAD_REFS = "refs";
    /** NUL: unlike a space, it cannot occur inside an id ("<a,\n b>" is one id). */
    public static final String REFS_SEPARATOR = "\0";
    /**
     * Each id a message refers to, an exact term: who replied to an id (a ghost's too), so that a
     * thread is found from the index alone (see {@link ThreadRecords}).
     */
    public static final String REFERENCE = "ref";

    /** Stored display values. */
    public static final String STORED_SUBJECT = "subject";
    public static final String STORED_FROM = "from";
    /** The message as delivered (compressed with the stored fields). */
    public static final String RAW = "raw";
    /** Where the message came from: epoch, and git blob id when known. */
    public static final String EPOCH = "epoch";
    public static final String BLOB = "blob";

    private static final String STEM_SUFFIX = "_stem";

    private IndexFields() {
    }

    /** The field holding the stems of {@code textField}. */
    public static String stemmed(String textField) {
        return textField + STEM_SUFFIX;
    }

    static boolean isStemField(String field) {
        return field.endsWith(STEM_SUFFIX);
    }
}
