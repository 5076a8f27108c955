package org.lorebot.index.mail;

/**
 * Undoes RFC 3676 {@code format=flowed}, as {@code git am} does before it applies a patch: a
 * line ending in a space runs on into the next one (losing that space with {@code delsp=yes}),
 * a leading space added by the sender's space-stuffing is dropped, and the signature separator
 * {@code "-- "} stays a line of its own. Mail clients such as Thunderbird send patches that way.
 */
final class FlowedText {

    private FlowedText() {
    }

    static String unflow(String text, boolean delsp) {
        StringBuilder out = new StringBuilder(text.length());
        StringBuilder paragraph = new StringBuilder();
        int start = 0;
        while (start < text.length()) {
            int lf = text.indexOf('\n', start);
            int end = lf < 0 ? text.length() : lf;
            int next = lf < 0 ? text.length() : lf + 1;
            if (end > start && text.charAt(end - 1) == '\r') {
                end--;
            }
            String line = text.substring(start, end);
            start = next;
            if (line.equals("-- ")) {
                if (paragraph.length() > 0) {
                    out.append(paragraph).append('\n');
                    paragraph.setLength(0);
                }
                out.append(line).append('\n');
                continue;
            }
            if (line.startsWith(" ")) {
                line = line.substring(1);
            }
            if (line.endsWith(" ")) {
                paragraph.append(line, 0, line.length() - (delsp ? 1 : 0));
                continue;
            }
            out.append(paragraph).append(line).append('\n');
            paragraph.setLength(0);
        }
        if (paragraph.length() > 0) {
            out.append(paragraph).append('\n');
        }
        return out.toString();
    }
}
