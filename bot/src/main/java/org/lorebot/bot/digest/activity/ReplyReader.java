package org.lorebot.bot.digest.activity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a reply on a list says about the patch it answers: the trailers it gives and
 * whether it says the patch was taken. Only the replier's own words count: quoted lines
 * ({@code >}) and everything after the signature separator are left out.
 *
 * <p>"Taken" is recognised in the forms maintainers and their tools write, none tied to one
 * person: a paragraph that is nothing but "Applied"/"Queued"/"Picked up"/"Merged" (optionally
 * "Patch"/"Series"/"Thanks," before it), an optional tree or branch, and an optional thanks
 * ({@code Applied to spi-nor/next. Thanks.}, {@code Thanks, applied.}, {@code Applied to} with
 * the tree on the following indented line, as b4 writes it); b4's thank-you mails (a
 * Message-ID from {@code b4 ty}); pr-tracker-bot's {@code has been merged into TREE:}. A
 * sentence that goes on ({@code Applied to the 4 bits, this would ...}) is discussion.
 */
public final class ReplyReader {

    private static final Pattern GIVEN = Pattern.compile(
            "(?i)^((?:reviewed|acked|tested)-by):\\s*(\\S.*)$");
    private static final Pattern TAKEN = Pattern.compile("(?i)^"
            + "(?:thanks?(?: you)?[,!.]?\\s+)?"
            + "(?:(?:the |whole |this |both |all )?(?:patch(?:es)?|series|patch ?set)\\s+)?"
            + "(?:(?:has|have) been\\s+|now\\s+)?"
            + "(applied|queued|picked up|merged)"
            + "(?:\\s+(?:both|all|it|them|this|the (?:whole )?series))?"
            + "(?:\\s+(?:to|on|in|into|onto|for)(?:\\s+(\\S+(?:\\s+\\S+){0,3}?))?)?"
            + "\\s*[.,!:;]*\\s*"
            + "(?:(?:many |big )?thanks?(?: you)?\\b.*|cheers\\b.*|:-?\\)\\s*)?$");
    private static final Pattern MERGED_UPSTREAM = Pattern.compile("(?i)^has been merged into (\\S+?):?$");
    private static final Pattern B4_THANKS = Pattern.compile("\\.b4-ty@");

    private ReplyReader() {
    }

    /** The Reviewed-by, Acked-by and Tested-by lines the reply gives, in order. */
    public static List<GivenTrailer> trailers(String body) {
        List<GivenTrailer> out = new ArrayList<>();
        for (Line l : ownLines(body)) {
            Matcher m = GIVEN.matcher(l.text());
            if (m.matches()) {
                out.add(new GivenTrailer(canonicalKey(m.group(1)), who(m.group(2))));
            }
        }
        return List.copyOf(out);
    }

    /**
     * Whether the reply says the patch it answers was applied, queued or merged.
     *
     * @param messageId the reply's Message-ID (b4's thank-you mails are known by it)
     */
    public static Optional<Acceptance> acceptance(String messageId, String body) {
        List<Line> lines = ownLines(body);
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            if (!l.opensParagraph()) {
                continue;
            }
            Matcher upstream = MERGED_UPSTREAM.matcher(l.text());
            if (upstream.matches()) {
                return Optional.of(new Acceptance("merged", upstream.group(1)));
            }
            Matcher m = TAKEN.matcher(l.text());
            if (m.matches()) {
                String verb = m.group(1).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
                String where = m.group(2) == null ? "" : m.group(2).replaceAll("[.,!:;]+$", "");
                if (where.isEmpty() && l.text().matches("(?i).*\\b(?:to|into|onto|for)\\s*:?$")) {
                    where = treeBelow(lines, i);
                }
                return Optional.of(new Acceptance(verb, where));
            }
        }
        if (messageId != null && B4_THANKS.matcher(messageId).find()) {
            return Optional.of(new Acceptance("applied", ""));
        }
        return Optional.empty();
    }

    /** b4 writes "Applied to", a blank line, then the tree and branch indented. */
    private static String treeBelow(List<Line> lines, int at) {
        for (int j = at + 1; j < lines.size() && j <= at + 2; j++) {
            String t = lines.get(j).text();
            if (!t.isEmpty()) {
                return lines.get(j).indented() ? t : "";
            }
        }
        return "";
    }

    private static String canonicalKey(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return Character.toUpperCase(k.charAt(0)) + k.substring(1);
    }

    /** {@code Name <address>} to the name, or the address when there is no name. */
    private static String who(String value) {
        String v = value.strip();
        int lt = v.indexOf('<');
        String name = lt > 0 ? v.substring(0, lt).strip() : "";
        if (name.length() > 1 && name.startsWith("\"") && name.endsWith("\"")) {
            name = name.substring(1, name.length() - 1);
        }
        if (!name.isEmpty()) {
            return name;
        }
        return lt == 0 && v.endsWith(">") ? v.substring(1, v.length() - 1) : v;
    }

    /** One line of the replier's own text. */
    private record Line(String text, boolean opensParagraph, boolean indented) {
    }

    /**
     * The unquoted lines before the signature, stripped; a line opens a paragraph when it
     * follows a blank line, a quote or nothing.
     */
    private static List<Line> ownLines(String body) {
        List<Line> out = new ArrayList<>();
        boolean afterBreak = true;
        for (String raw : body.split("\n", -1)) {
            if (raw.equals("-- ") || raw.equals("--")) {
                break;
            }
            String stripped = raw.strip();
            if (stripped.startsWith(">")) {
                afterBreak = true;
                continue;
            }
            out.add(new Line(stripped, afterBreak && !stripped.isEmpty(),
                    !raw.isEmpty() && Character.isWhitespace(raw.charAt(0))));
            afterBreak = stripped.isEmpty();
        }
        return out;
    }
}
