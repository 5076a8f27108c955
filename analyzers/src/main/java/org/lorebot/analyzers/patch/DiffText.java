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
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                lines.add(text.substring(start, i > start && text.charAt(i - 1) == '\r' ? i - 1 : i));
                start = i + 1;
            }
        }
        if (start < n) {
            lines.add(text.substring(start));
        }
        return lines;
    }
}
