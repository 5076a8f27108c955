package org.lorebot.index.store;

import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
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
 * @param blobIds     the blob ids of the diffs' {@code index} lines ({@code dfpre:},
 *                    {@code dfpost:})
 */
public record BodySections(String notQuoted, String quoted, String fileNames, String removed,
                           String added, String hunkHeadings, String context,
                           DiffBlobIds blobIds) {

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

    /**
     * Cuts {@code body} (lines separated by LF). Lines are ranges of the body, not strings: a
     * block of lines goes into its piece as one range, a diff line without its first character.
     * The body's LFs are sought once: blocks, the diff test and the diff walk all read the same
     * line ends (each sought them anew, four scans of a patch under the C1 compiler).
     */
    public static BodySections of(String body) {
        Lines lines = Lines.of(body);
        Builder builder = new Builder(body, lines);
        int count = lines.count();
        int line = 0;
        while (line < count) {
            int first = line;
            boolean quoted = body.charAt(lines.start(first)) == '>';
            // a block is a run of quoted lines, or of others
            while (++line < count && (body.charAt(lines.start(line)) == '>') == quoted) {
                // the block goes on
            }
            int last = line - 1;
            if (quoted) {
                builder.piece(builder.quoted, lines.start(first), lines.end(last));
            } else if (looksLikeDiff(body, lines, first, last)) {
                builder.diff(first, last);
            } else {
                builder.piece(builder.notQuoted, lines.start(first), lines.end(last));
            }
        }
        return builder.build();
    }

    /** The lines of a body: where each ends (its LF, or the end of the body), found in one pass. */
    private static final class Lines {
        private final int[] ends;
        private final int count;

        private Lines(int[] ends, int count) {
            this.ends = ends;
            this.count = count;
        }

        static Lines of(String body) {
            int length = body.length();
            int[] ends = new int[Math.max(16, length / 48)];
            int count = 0;
            for (int at = 0; at < length; ) {
                int newline = body.indexOf('\n', at);
                int end = newline < 0 ? length : newline;
                if (count == ends.length) {
                    ends = Arrays.copyOf(ends, 2 * count);
                }
                ends[count++] = end;
                at = end + 1;
            }
            return new Lines(ends, count);
        }

        int count() {
            return count;
        }

        int start(int line) {
            return line == 0 ? 0 : ends[line - 1] + 1;
        }

        int end(int line) {
            return ends[line];
        }
    }

    /**
     * A git diff header line that is neither a path nor the end of the diff: mode changes,
     * renames and copies, similarity, binary files, a missing final newline. Tested by prefix
     * rather than by a regex: it runs on every line of text around a diff.
     */
    private static boolean isKeptHeader(String body, int start, int end) {
        for (String prefix : KEPT_HEADERS) {
            if (body.startsWith(prefix, start)) {
                return true;
            }
        }
        return body.startsWith(BINARY, start) && endsBinaryLine(body.substring(start, end));
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

    /**
     * Whether one of the lines {@code first..last} starts a diff ({@code diff }, {@code --- },
     * {@code +++ }).
     */
    private static boolean looksLikeDiff(String body, Lines lines, int first, int last) {
        for (int line = first; line <= last; line++) {
            int start = lines.start(line);
            // a prefix holds no LF, so a match lies within the line
            if (body.startsWith("diff ", start) || body.startsWith("--- ", start)
                    || body.startsWith("+++ ", start)) {
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
        private final Set<String> preImageIds = new LinkedHashSet<>();
        private final Set<String> postImageIds = new LinkedHashSet<>();
        private final String body;
        private final Lines lines;
        /** Text lines of a diff section not yet flushed to {@link #notQuoted}, joined by LF. */
        private final StringBuilder pendingText = new StringBuilder();
        private boolean pending;

        Builder(String body, Lines lines) {
            this.body = body;
            this.lines = lines;
        }

        void piece(StringBuilder target, CharSequence text) {
            piece(target, text, 0, text.length());
        }

        void piece(StringBuilder target, int start, int end) {
            piece(target, body, start, end);
        }

        private static void piece(StringBuilder target, CharSequence text, int start, int end) {
            if (start == end) {
                return;
            }
            if (target.length() > 0) {
                target.append(XapianTokenizer.SECTION_BREAK);
            }
            target.append(text, start, end);
        }

        /** A diff piece; the text lines seen before it are flushed first, as public-inbox does. */
        void diffPiece(StringBuilder target, int start, int end) {
            flushText();
            piece(target, start, end);
        }

        void diffPiece(StringBuilder target, String text) {
            flushText();
            piece(target, text);
        }

        void pendingText(int start, int end) {
            if (pending) {
                pendingText.append('\n');
            }
            pendingText.append(body, start, end);
            pending = true;
        }

        void flushText() {
            if (pending) {
                piece(notQuoted, pendingText);
                pendingText.setLength(0);
                pending = false;
            }
        }

        void fileName(String path) {
            if (seenFiles.add(path)) {
                diffPiece(fileNames, path);
            }
        }

        /**
         * Walks the diff section of lines {@code firstLine..lastLine} as public-inbox does. Its
         * diff state is Perl's {@code $in_diff}: null when undefined, "" when false (0), "1" when
         * in a diff, or the old file name of a traditional diff; quirks are kept, e.g. a
         * {@code +++ /dev/null} line turns diff mode off, so the removed lines of a deleted file
         * are not {@code dfa:}. Only the rare lines a regex reads are made into strings.
         */
        void diff(int firstLine, int lastLine) {
            String inDiff = null;
            for (int line = firstLine; line <= lastLine; line++) {
                int start = lines.start(line);
                int end = lines.end(line);
                Matcher m;
                boolean active = inDiff != null && !inDiff.isEmpty();
                char first = start < end ? body.charAt(start) : '\n';
                if (active && first == ' ') {
                    diffPiece(context, start + 1, end);
                } else if (end - start == 3 && body.startsWith("-- ", start)) {
                    inDiff = null;
                } else if (body.startsWith("diff --git ", start)
                        && (m = GIT_DIFF.matcher(body.substring(start, end))).matches()) {
                    // both names: a pure rename, a mode change or a binary patch has no ---/+++
                    gitDiffName(m.group(1));
                    gitDiffName(m.group(2));
                    inDiff = "1";
                    pendingText(start, end);
                } else if (body.startsWith("diff -", start)
                        && (m = OLD_DIFF.matcher(body.substring(start, end))).matches()) {
                    pendingText(start, end);
                    String options = m.group(1);
                    if (options.indexOf('u') >= 0 || options.indexOf('U') >= 0) {
                        inDiff = oldDiffFileName(m.group(2), m.group(3)) ? "1" : "";
                    }
                } else if ((body.startsWith("--- ", start) || body.startsWith("+++ ", start))
                        && (m = PATH_HEADER.matcher(body.substring(start, end))).find()) {
                    String path = unquote(m.group(1));
                    int slash = path.indexOf('/');
                    fileName(path.substring(slash + 1));
                    inDiff = "1";
                } else if (body.startsWith("--- ", start)
                        && (m = OLD_MINUS.matcher(body.substring(start, end))).find()) {
                    inDiff = m.group(1);
                    pendingText(start, end);
                } else if (inDiff != null && body.startsWith("+++ ", start)
                        && (m = OLD_PLUS.matcher(body.substring(start, end))).find()) {
                    inDiff = oldDiffFileName(inDiff, m.group(1)) ? "1" : "";
                } else if (active && first == '+') {
                    diffPiece(added, start + 1, end);
                } else if (active && first == '-') {
                    diffPiece(removed, start + 1, end);
                } else if (body.startsWith("index ", start)
                        && (m = INDEX.matcher(body.substring(start, end))).find()) {
                    DiffBlobIds.abbreviations(m.group(1), preImageIds);
                    DiffBlobIds.abbreviations(m.group(2), postImageIds);
                    inDiff = "1";
                } else if (body.startsWith("@@ ", start)
                        && (m = HUNK.matcher(body.substring(start, end))).matches()) {
                    if (m.group(1) != null) {
                        diffPiece(hunkHeadings, m.group(1));
                    }
                } else if (isKeptHeader(body, start, end)) {
                    pendingText(start, end);
                } else if (start < end) {
                    pendingText(start, end);
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
                    hunkHeadings.toString(), context.toString(),
                    new DiffBlobIds(List.copyOf(preImageIds), List.copyOf(postImageIds)));
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
