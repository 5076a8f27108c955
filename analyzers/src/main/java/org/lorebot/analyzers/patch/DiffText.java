package org.lorebot.analyzers.patch;

import java.util.ArrayList;
import java.util.List;

/**
 * Patch text split into lines. Only LF ends a line, as for {@code git apply}: a CR right before
 * it (CRLF from a mailer) is dropped, a bare CR inside a line is part of the line's text.
 */
final class DiffText {

    private DiffText() {
    }

    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>(Math.max(16, text.length() / 40));
        Lines each = new Lines(text, 0);
        for (String line = each.next(); line != null; line = each.next()) {
            lines.add(line);
        }
        return lines;
    }

    /** Where the first line starting with {@code prefix} (no LF in it) starts, or -1. */
    static int firstLineStartingWith(String text, String prefix) {
        for (int at = text.indexOf(prefix); at >= 0; at = text.indexOf(prefix, at + 1)) {
            if (at == 0 || text.charAt(at - 1) == '\n') {
                return at;
            }
        }
        return -1;
    }

    /** The lines from an offset on, one at a time: a reader that stops early copies no more. */
    static final class Lines {
        private final String text;
        private int start;

        Lines(String text, int start) {
            this.text = text;
            this.start = start;
        }

        /** The next line, or null after the last. */
        String next() {
            int n = text.length();
            if (start >= n) {
                return null;
            }
            int lf = text.indexOf('\n', start);
            int end = lf < 0 ? n : lf;
            if (lf >= 0 && end > start && text.charAt(end - 1) == '\r') {
                end--;
            }
            String line = text.substring(start, end);
            start = lf < 0 ? n : lf + 1;
            return line;
        }
    }
}
