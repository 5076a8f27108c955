package org.lorebot.analyzers.patch;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Path names as git writes them in diff headers: optionally C-quoted, with a/ b/ prefixes. */
final class GitPath {

    private GitPath() {
    }

    /**
     * The path of a git diff's {@code ---}/{@code +++} line: without its one-letter prefix
     * directory ({@code a/}, {@code b/}); null for {@code /dev/null}.
     */
    static String fromMarkerLine(String value) {
        String path = markerValue(value);
        return path == null ? null : stripPrefix(path);
    }

    /**
     * The path of a {@code ---}/{@code +++} line of a diff made without git (quilt, diff -u):
     * as {@code patch -p1} reads it, the first directory is the tree's name and is dropped.
     */
    static String fromPlainMarkerLine(String value) {
        String path = markerValue(value);
        if (path == null) {
            return null;
        }
        int slash = path.indexOf('/');
        return slash > 0 && slash < path.length() - 1 ? path.substring(slash + 1) : path;
    }

    /** The unquoted path without a trailing tab and timestamp; null for /dev/null. */
    private static String markerValue(String value) {
        String v = value;
        if (!v.startsWith("\"")) {
            int tab = v.indexOf('\t');
            if (tab >= 0) {
                v = v.substring(0, tab);
            }
            v = v.stripTrailing();
        }
        v = unquote(v);
        return v.equals("/dev/null") ? null : v;
    }

    /** Splits the value of a {@code diff --git A B} line into its two paths, prefixes removed. */
    static String[] fromDiffGitLine(String value) {
        if (value.startsWith("\"")) {
            int end = closingQuote(value);
            if (end > 0 && end + 2 <= value.length()) {
                String a = unquote(value.substring(0, end + 1));
                String b = unquote(value.substring(end + 1).strip());
                return new String[] {stripPrefix(a), stripPrefix(b)};
            }
        }
        if (value.endsWith("\"")) {
            int open = value.lastIndexOf(" \"");
            if (open > 0) {
                return new String[] {stripPrefix(value.substring(0, open)),
                        stripPrefix(unquote(value.substring(open + 1)))};
            }
        }
        // "a/P b/P": for an unchanged name both halves are equal, which resolves spaces in P.
        int len = value.length();
        if (len % 2 == 1) {
            String a = value.substring(0, len / 2);
            String b = value.substring(len / 2 + 1);
            if (value.charAt(len / 2) == ' ' && stripPrefix(a).equals(stripPrefix(b))) {
                return new String[] {stripPrefix(a), stripPrefix(b)};
            }
        }
        int split = value.indexOf(" b/");
        if (split < 0) {
            split = value.indexOf(' ');
        }
        if (split < 0) {
            return new String[] {stripPrefix(value), stripPrefix(value)};
        }
        return new String[] {stripPrefix(value.substring(0, split)),
                stripPrefix(value.substring(split + 1))};
    }

    /** Undoes git's C-style quoting; a value that is not quoted comes back unchanged. */
    static String unquote(String s) {
        if (s.length() < 2 || s.charAt(0) != '"' || s.charAt(s.length() - 1) != '"') {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 1; i < s.length() - 1; i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length() - 1) {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 'n' -> out.write('\n');
                case 't' -> out.write('\t');
                case 'r' -> out.write('\r');
                case 'a' -> out.write(7);
                case 'b' -> out.write('\b');
                case 'f' -> out.write('\f');
                case 'v' -> out.write(11);
                case '0', '1', '2', '3' -> {
                    int v = e - '0';
                    for (int k = 0; k < 2 && i + 1 < s.length() - 1
                            && s.charAt(i + 1) >= '0' && s.charAt(i + 1) <= '7'; k++) {
                        v = v * 8 + (s.charAt(++i) - '0');
                    }
                    out.write(v);
                }
                default -> out.write(e);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int closingQuote(String s) {
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        return -1;
    }

    private static String stripPrefix(String path) {
        if (path.length() > 2 && path.charAt(1) == '/' && Character.isLetter(path.charAt(0))) {
            return path.substring(2);
        }
        return path;
    }
}
