package org.lorebot.bot.web;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A mail body as HTML for a {@code <pre>}: every character escaped, quoted lines set apart,
 * diffs coloured (file headers, hunk headers, added and removed lines), and http(s) URLs in
 * prose made links. Only {@code http:} and {@code https:} become links, so a {@code javascript:}
 * or {@code data:} "link" in mail stays text.
 */
final class MailBodyView {

    private static final Pattern URL = Pattern.compile("\\bhttps?://[^\\s<>\"'`]+[^\\s<>\"'`.,;:!?)\\]}]");

    /** {@code diff --git a/PATH b/PATH}: the b/ side. */
    private static final Pattern DIFF_GIT = Pattern.compile("diff --git \"?a/.+? \"?b/(.+?)\"?");
    /** A diffstat line: {@code  path | 12 +++--} or {@code  path | Bin 0 -> 12 bytes}. */
    private static final Pattern DIFFSTAT = Pattern.compile(" (\\S+)\\s+\\| +(?:\\d+|Bin)\\b.*");

    private MailBodyView() {
    }

    /** The body's lines as HTML (no enclosing {@code <pre>}). */
    static String render(String body) {
        return render(body, null);
    }

    /**
     * The body's lines as HTML, each file's {@code diff --git} line given the id
     * {@code idPrefix + "f" + N} and each diffstat line linked to it (none when null).
     */
    static String render(String body, String idPrefix) {
        StringBuilder out = new StringBuilder(body.length() + body.length() / 4 + 64);
        String[] lines = body.split("\n", -1);
        Map<String, String> fileIds = fileIds(lines, idPrefix);
        boolean inDiff = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (i == lines.length - 1 && line.isEmpty()) {
                break;
            }
            String kind;
            if (line.startsWith("diff --git ") || line.startsWith("Index: ")) {
                inDiff = true;
                kind = "dh";
            } else if (line.startsWith("--- ") && i + 1 < lines.length
                    && lines[i + 1].startsWith("+++ ")) {
                inDiff = true;
                kind = "dh";
            } else if (inDiff) {
                kind = diffKind(line, i + 1 < lines.length ? lines[i + 1] : "");
                if (kind == null) {
                    inDiff = false;
                    kind = proseKind(line);
                }
            } else {
                kind = proseKind(line);
            }
            Matcher stat = fileIds.isEmpty() || !kind.isEmpty() ? null : DIFFSTAT.matcher(line);
            if (stat != null && stat.matches() && fileId(fileIds, stat.group(1)) != null) {
                out.append(' ').append("<a href=\"#").append(Html.escape(fileId(fileIds, stat.group(1))))
                        .append("\">");
                Html.escape(line, 1, stat.end(1), out);
                out.append("</a>");
                Html.escape(line, stat.end(1), line.length(), out);
            } else if (kind.isEmpty()) {
                linkify(line, out);
            } else {
                Matcher header = line.startsWith("diff --git ") ? DIFF_GIT.matcher(line) : null;
                String id = header != null && header.matches() ? fileIds.get(header.group(1)) : null;
                out.append("<span class=\"").append(kind).append('"');
                if (id != null) {
                    out.append(" id=\"").append(Html.escape(id)).append('"');
                }
                out.append('>');
                if (kind.equals("q")) {
                    linkify(line, out);
                } else {
                    Html.escape(line, 0, line.length(), out);
                }
                out.append("</span>");
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** The class of a line inside a diff, or null when the diff has ended. */
    private static String diffKind(String line, String next) {
        if (line.startsWith("@@")) {
            return "hunk";
        }
        if (line.startsWith("+++ ") || line.startsWith("--- ") || line.startsWith("index ")
                || line.startsWith("new file mode") || line.startsWith("deleted file mode")
                || line.startsWith("old mode") || line.startsWith("new mode")
                || line.startsWith("similarity index") || line.startsWith("rename ")
                || line.startsWith("Binary files") || line.startsWith("===")) {
            return "dh";
        }
        if (line.startsWith("+")) {
            return "add";
        }
        if (line.startsWith("-")) {
            // "-- " alone ends the patch: the signature separator git format-patch writes
            return line.equals("-- ") ? null : "del";
        }
        if (line.startsWith(" ") || line.startsWith("\\")) {
            return "";
        }
        if (line.isEmpty()) {
            // a blank line between two files' diffs stays in the diff
            return next.startsWith("diff --git ") ? "" : null;
        }
        return null;
    }

    /** The path each {@code diff --git} line changes (its b/ side), to its anchor id. */
    private static Map<String, String> fileIds(String[] lines, String idPrefix) {
        Map<String, String> ids = new HashMap<>();
        if (idPrefix == null) {
            return ids;
        }
        for (String line : lines) {
            if (line.startsWith("diff --git ")) {
                Matcher m = DIFF_GIT.matcher(line);
                if (m.matches()) {
                    ids.putIfAbsent(m.group(1), idPrefix + "f" + ids.size());
                }
            }
        }
        return ids;
    }

    /** The anchor of a diffstat path, which git shortens to {@code .../tail} when long. */
    private static String fileId(Map<String, String> ids, String statPath) {
        String exact = ids.get(statPath);
        if (exact != null || !statPath.startsWith(".../")) {
            return exact;
        }
        String tail = statPath.substring(3);
        String found = null;
        for (Map.Entry<String, String> e : ids.entrySet()) {
            if (e.getKey().endsWith(tail)) {
                if (found != null) {
                    return null;
                }
                found = e.getValue();
            }
        }
        return found;
    }

    private static String proseKind(String line) {
        return line.startsWith(">") ? "q" : "";
    }

    private static void linkify(String line, StringBuilder out) {
        if (!line.contains("http")) {
            Html.escape(line, 0, line.length(), out);
            return;
        }
        Matcher m = URL.matcher(line);
        int at = 0;
        while (m.find()) {
            Html.escape(line, at, m.start(), out);
            String url = Html.escape(m.group());
            out.append("<a href=\"").append(url).append("\" rel=\"nofollow noreferrer\">")
                    .append(url).append("</a>");
            at = m.end();
        }
        Html.escape(line, at, line.length(), out);
    }
}
