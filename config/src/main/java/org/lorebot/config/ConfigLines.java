package org.lorebot.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where things stand in the text of a git-config file. JGit parses the values but keeps no line
 * numbers, so this light scan walks the same text, following section headers, quotes, comments and
 * backslash continuations, and records the line of every section header and every key.
 */
final class ConfigLines {

    /** A section header, {@code [section]} or {@code [section "subsection"]}. */
    record Header(int line, String section, String subsection) {
    }

    /** A key, with the section it belongs to; {@code section} is null for a key before any header. */
    record Key(int line, String section, String subsection, String name, boolean assigned) {
    }

    private final List<Header> headers = new ArrayList<>();
    private final List<Key> keys = new ArrayList<>();
    private final Map<String, List<Integer>> linesByKey = new HashMap<>();

    private ConfigLines() {
    }

    static ConfigLines scan(String text) {
        ConfigLines lines = new ConfigLines();
        lines.scanText(text);
        return lines;
    }

    List<Header> headers() {
        return headers;
    }

    List<Key> keys() {
        return keys;
    }

    /**
     * The lines a key is set on, in file order (one per value of a multi-valued key). Section and
     * key names are matched case-insensitively, the subsection exactly.
     */
    List<Integer> linesOf(String section, String subsection, String name) {
        return linesByKey.getOrDefault(id(section, subsection, name), List.of());
    }

    /** The first line of a key, or 0 when it is not written in the file. */
    int lineOf(String section, String subsection, String name) {
        List<Integer> found = linesOf(section, subsection, name);
        return found.isEmpty() ? 0 : found.get(0);
    }

    /** Whether the key on this line is written without {@code =} (a bare boolean in git). */
    boolean bareKeyAt(int line) {
        return keys.stream().anyMatch(k -> k.line() == line && !k.assigned());
    }

    /** The key written before any section header on this line, if any. */
    Key keyOutsideSectionAt(int line) {
        return keys.stream().filter(k -> k.line() == line && k.section() == null).findFirst().orElse(null);
    }

    /** The line of the first header of a section, or 0. */
    int headerLine(String section, String subsection) {
        for (Header h : headers) {
            if (h.section().equalsIgnoreCase(section) && equalsNullable(h.subsection(), subsection)) {
                return h.line();
            }
        }
        return 0;
    }

    private static boolean equalsNullable(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }

    private static String id(String section, String subsection, String name) {
        return section.toLowerCase(Locale.ROOT) + '\0' + (subsection == null ? "" : "\1" + subsection)
                + '\0' + name.toLowerCase(Locale.ROOT);
    }

    private void scanText(String text) {
        String[] lines = text.split("\n", -1);
        String section = null;
        String subsection = null;
        boolean continued = false;
        boolean inQuotes = false;
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = stripCr(lines[i]);
            if (continued) {
                // The value goes on from the previous line: no new key starts here.
                int end = valueEnd(line, 0, inQuotes);
                continued = end < 0;
                inQuotes = continued && quotesOpenAfter(line, 0, inQuotes);
                continue;
            }
            int pos = skipBlanks(line, 0);
            if (pos >= line.length() || line.charAt(pos) == ';' || line.charAt(pos) == '#') {
                continue;
            }
            if (line.charAt(pos) == '[') {
                int close = headerEnd(line, pos);
                if (close < 0) {
                    continue; // JGit reports the malformed header
                }
                String[] parsed = parseHeader(line.substring(pos + 1, close));
                section = parsed[0];
                subsection = parsed[1];
                headers.add(new Header(lineNo, section, subsection));
                pos = skipBlanks(line, close + 1);
                if (pos >= line.length() || line.charAt(pos) == ';' || line.charAt(pos) == '#') {
                    continue;
                }
                // git allows a key on the header's line: "[core] data = x"
            }
            int nameEnd = pos;
            while (nameEnd < line.length()
                    && (Character.isLetterOrDigit(line.charAt(nameEnd)) || line.charAt(nameEnd) == '-')) {
                nameEnd++;
            }
            if (nameEnd == pos) {
                continue;
            }
            String name = line.substring(pos, nameEnd);
            int eq = skipBlanks(line, nameEnd);
            boolean assigned = eq < line.length() && line.charAt(eq) == '=';
            keys.add(new Key(lineNo, section, subsection, name, assigned));
            if (section != null) {
                linesByKey.computeIfAbsent(id(section, subsection, name), k -> new ArrayList<>()).add(lineNo);
            }
            if (assigned) {
                int end = valueEnd(line, eq + 1, false);
                continued = end < 0;
                inQuotes = continued && quotesOpenAfter(line, eq + 1, false);
            }
        }
    }

    private static String stripCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    private static int skipBlanks(String s, int pos) {
        while (pos < s.length() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t')) {
            pos++;
        }
        return pos;
    }

    /** The index after the value, or -1 when the value continues on the next line. */
    private static int valueEnd(String line, int from, boolean inQuotes) {
        boolean quoted = inQuotes;
        for (int i = from; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                if (i + 1 == line.length()) {
                    return -1;
                }
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if ((c == ';' || c == '#') && !quoted) {
                return i;
            }
        }
        return line.length();
    }

    private static boolean quotesOpenAfter(String line, int from, boolean inQuotes) {
        boolean quoted = inQuotes;
        for (int i = from; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            }
        }
        return quoted;
    }

    private static int headerEnd(String line, int open) {
        boolean quoted = false;
        for (int i = open + 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ']' && !quoted) {
                return i;
            }
        }
        return -1;
    }

    /** {@code section "sub"} or the old {@code section.sub} (whose subsection git lower-cases). */
    private static String[] parseHeader(String inside) {
        String s = inside.trim();
        int quote = s.indexOf('"');
        if (quote >= 0) {
            StringBuilder sub = new StringBuilder();
            for (int i = quote + 1; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '\\' && i + 1 < s.length()) {
                    sub.append(s.charAt(++i));
                } else if (c == '"') {
                    break;
                } else {
                    sub.append(c);
                }
            }
            return new String[] {s.substring(0, quote).trim(), sub.toString()};
        }
        int dot = s.indexOf('.');
        if (dot >= 0) {
            return new String[] {s.substring(0, dot), s.substring(dot + 1).toLowerCase(Locale.ROOT)};
        }
        return new String[] {s, null};
    }
}
