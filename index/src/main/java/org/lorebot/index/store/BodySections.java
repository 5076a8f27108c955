package org.lorebot.index.store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message body cut into the pieces public-inbox indexes under separate prefixes: quoted text
 * (blocks of lines starting with {@code >}), text outside quotes and diffs, and for diffs the
 * file names, removed, added and context lines and hunk headings. Each line goes to one piece
 * only; {@code nq:} searches the text and the diff pieces together, as public-inbox's does. The rules follow
 * public-inbox 1.9's indexer line by line (including its quirks, e.g. a {@code --- word} line
 * outside any diff starts diff mode), because its search results are lorebot's compatibility
 * oracle. Pieces of one kind are joined with {@link XapianTokenizer#SECTION_BREAK} so that phrases
 * never span two of them.
 *
 * @param notQuoted   text outside quotes and diffs (with the diff pieces, {@code nq:})
 * @param quoted      quoted blocks ({@code q:})
 * @param fileNames   diff file names without their {@code a/} {@code b/} prefix ({@code dfn:})
 * @param removed     removed lines without the {@code -} ({@code dfa:})
 * @param added       added lines without the {@code +} ({@code dfb:})
 * @param hunkHeadings text after a hunk header's {@code @@} ({@code dfhh:})
 * @param context     context lines ({@code dfctx:})
 */
public record BodySections(String notQuoted, String quoted, String fileNames, String removed,
                           String added, String hunkHeadings, String context) {

    private static final Pattern GIT_DIFF = Pattern.compile("^diff --git (\"?[^/]+/.+) (\"?[^/]+/.+)$");
    private static final Pattern OLD_DIFF = Pattern.compile("^diff -(.+) (\\S+) (\\S+)$");
    private static final Pattern PATH_HEADER = Pattern.compile("^(?:---|\\+\\+\\+) (\"?[^/]+/.+)");
    private static final Pattern OLD_MINUS = Pattern.compile("^--- (\\S+)");
    private static final Pattern OLD_PLUS = Pattern.compile("^\\+\\+\\+ (\\S+)");
    private static final Pattern INDEX = Pattern.compile("^index ([a-f0-9]+)\\.\\.([a-f0-9]+)");
    private static final Pattern HUNK = Pattern.compile("^@@ \\S+ \\S+ @@\\s*(\\S.*)?$");
    /** Diff header lines kept as text, by how they start ({@link #isKeptHeader}). */
    private static final List<String> KEPT_HEADERS = List.of("similarity index", "dissimilarity index",
            "old mode", "new mode", "deleted file mode", "new file mode", "copy from ", "copy to ",
            "rename from ", "rename to ", "\\ No newline at end of file");
    private static final String BINARY = "Binary files ";

    /** Cuts {@code body} (lines separated by LF). */
    public static BodySections of(String body) {
        Builder builder = new Builder();
        List<String> lines = lines(body);
        int i = 0;
        while (i < lines.size()) {
            int start = i;
            boolean quoted = lines.get(i).startsWith(">");
            while (i < lines.size() && lines.get(i).startsWith(">") == quoted) {
                i++;
            }
            List<String> section = lines.subList(start, i);
            if (quoted) {
                builder.piece(builder.quoted, String.join("\n", section));
            } else if (looksLikeDiff(section)) {
                builder.diff(section);
            } else {
                builder.piece(builder.notQuoted, String.join("\n", section));
            }
        }
        return builder.build();
    }

    private static List<String> lines(String body) {
        List<String> lines = new ArrayList<>();
        int from = 0;
        int length = body.length();
        while (from < length) {
            int newline = body.indexOf('\n', from);
            if (newline < 0) {
                newline = length;
            }
            lines.add(body.substring(from, newline));
            from = newline + 1;
        }
        return lines;
    }

    /**
     * A git diff header line that is neither a path nor the end of the diff: mode changes,
     * renames and copies, similarity, binary files, a missing final newline. Tested by prefix
     * rather than by a regex: it runs on every line of text around a diff.
     */
    private static boolean isKeptHeader(String line) {
        for (String prefix : KEPT_HEADERS) {
            if (line.startsWith(prefix)) {
                return true;
            }
        }
        return line.startsWith(BINARY) && endsBinaryLine(line);
    }

    /** "Binary files ... differ": " differ" after the prefix, no line separator before it. */
    private static boolean endsBinaryLine(String line) {
        int differ = line.indexOf(" differ", BINARY.length());
        if (differ < 0) {
            return false;
        }
        for (int i = BINARY.length(); i < differ; i++) {
            char c = line.charAt(i);
            // where a Java regex's "." stops: the test keeps the pattern's answers
            if (c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return false;
            }
        }
        return true;
    }

    private static boolean looksLikeDiff(List<String> section) {
        for (String line : section) {
            if (line.startsWith("diff ") || line.startsWith("--- ") || line.startsWith("+++ ")) {
                return true;
            }
        }
        return false;
    }

    private static final class Builder {
        final StringBuilder notQuoted = new StringBuilder();
        final StringBuilder quoted = new StringBuilder();
        final StringBuilder fileNames = new StringBuilder();
        final StringBuilder removed = new StringBuilder();
        final StringBuilder added = new StringBuilder();
        final StringBuilder hunkHeadings = new StringBuilder();
        final StringBuilder context = new StringBuilder();
        private final Set<String> seenFiles = new HashSet<>();

        void piece(StringBuilder target, String text) {
            if (text.isEmpty()) {
                return;
            }
            if (target.length() > 0) {
                target.append(XapianTokenizer.SECTION_BREAK);
            }
            target.append(text);
        }

        private final List<String> pendingText = new ArrayList<>();

        /** A diff piece; the text lines seen before it are flushed first, as public-inbox does. */
        void diffPiece(StringBuilder target, String text) {
            flushText();
            piece(target, text);
        }

        void flushText() {
            if (!pendingText.isEmpty()) {
                piece(notQuoted, String.join("\n", pendingText));
                pendingText.clear();
            }
        }

        void fileName(String path) {
            if (seenFiles.add(path)) {
                diffPiece(fileNames, path);
            }
        }

        /**
         * Walks a diff section as public-inbox does. Its diff state is Perl's {@code $in_diff}:
         * null when undefined, "" when false (0), "1" when in a diff, or the old file name of a
         * traditional diff; quirks are kept, e.g. a {@code +++ /dev/null} line turns diff mode
         * off, so the removed lines of a deleted file are not {@code dfa:}.
         */
        void diff(List<String> section) {
            String inDiff = null;
            for (String line : section) {
                Matcher m;
                boolean active = inDiff != null && !inDiff.isEmpty();
                if (active && line.startsWith(" ")) {
                    diffPiece(context, line.substring(1));
                } else if (line.equals("-- ")) {
                    inDiff = null;
                } else if (line.startsWith("diff --git ") && (m = GIT_DIFF.matcher(line)).matches()) {
                    // both names: a pure rename, a mode change or a binary patch has no ---/+++
                    gitDiffName(m.group(1));
                    gitDiffName(m.group(2));
                    inDiff = "1";
                    pendingText.add(line);
                } else if (line.startsWith("diff -") && (m = OLD_DIFF.matcher(line)).matches()) {
                    pendingText.add(line);
                    String options = m.group(1);
                    if (options.indexOf('u') >= 0 || options.indexOf('U') >= 0) {
                        inDiff = oldDiffFileName(m.group(2), m.group(3)) ? "1" : "";
                    }
                } else if ((line.startsWith("--- ") || line.startsWith("+++ "))
                        && (m = PATH_HEADER.matcher(line)).find()) {
                    String path = unquote(m.group(1));
                    int slash = path.indexOf('/');
                    fileName(path.substring(slash + 1));
                    inDiff = "1";
                } else if (line.startsWith("--- ") && (m = OLD_MINUS.matcher(line)).find()) {
                    inDiff = m.group(1);
                    pendingText.add(line);
                } else if (inDiff != null && line.startsWith("+++ ") && (m = OLD_PLUS.matcher(line)).find()) {
                    inDiff = oldDiffFileName(inDiff, m.group(1)) ? "1" : "";
                } else if (active && line.startsWith("+")) {
                    diffPiece(added, line.substring(1));
                } else if (active && line.startsWith("-")) {
                    diffPiece(removed, line.substring(1));
                } else if (line.startsWith("index ") && INDEX.matcher(line).find()) {
                    inDiff = "1";
                } else if (line.startsWith("@@ ") && (m = HUNK.matcher(line)).matches()) {
                    if (m.group(1) != null) {
                        diffPiece(hunkHeadings, m.group(1));
                    }
                } else if (isKeptHeader(line)) {
                    pendingText.add(line);
                } else if (!line.isEmpty()) {
                    pendingText.add(line);
                    inDiff = null;
                }
            }
            flushText();
        }

        private void gitDiffName(String prefixed) {
            String path = unquote(prefixed);
            int slash = path.indexOf('/');
            if (slash > 0 && slash + 1 < path.length()) {
                fileName(path.substring(slash + 1));
            }
        }

        /** A traditional diff names both files: index their longest common trailing path. */
        private boolean oldDiffFileName(String a, String b) {
            String[] as = a.split("/", -1);
            String[] bs = b.split("/", -1);
            for (int skip = 0; skip < as.length && skip < bs.length; skip++) {
                String fa = String.join("/", List.of(as).subList(skip, as.length));
                String fb = String.join("/", List.of(bs).subList(skip, bs.length));
                if (fa.equals(fb)) {
                    fileName(fa);
                    return true;
                }
            }
            return false;
        }

        BodySections build() {
            flushText();
            return new BodySections(notQuoted.toString(), quoted.toString(),
                    fileNames.toString(), removed.toString(), added.toString(),
                    hunkHeadings.toString(), context.toString());
        }
    }

    /** git's C-style quoting of unusual paths: {@code "a/t\303\251st.c"}. */
    static String unquote(String path) {
        if (path.length() < 2 || path.charAt(0) != '"') {
            return path;
        }
        int close = path.lastIndexOf('"');
        String inner = path.substring(1, close > 0 ? close : path.length());
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c != '\\' || i + 1 >= inner.length()) {
                bytes.writeBytes(String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                continue;
            }
            char e = inner.charAt(++i);
            if (e >= '0' && e <= '7' && i + 2 < inner.length()) {
                bytes.write(Integer.parseInt(inner.substring(i, i + 3), 8));
                i += 2;
            } else {
                bytes.write(switch (e) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    default -> e;
                });
            }
        }
        return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
