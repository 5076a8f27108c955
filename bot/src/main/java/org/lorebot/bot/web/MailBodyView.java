package org.lorebot.bot.web;

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

    private MailBodyView() {
    }

    /** The body's lines as HTML (no enclosing {@code <pre>}). */
    static String render(String body) {
        StringBuilder out = new StringBuilder(body.length() + body.length() / 4 + 64);
        String[] lines = body.split("\n", -1);
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
            if (kind.isEmpty()) {
                linkify(line, out);
            } else {
                out.append("<span class=\"").append(kind).append("\">");
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
