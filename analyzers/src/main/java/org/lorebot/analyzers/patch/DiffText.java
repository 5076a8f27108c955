package org.lorebot.analyzers.patch;

import java.util.ArrayList;
import java.util.List;

/**
 * Patch text split into lines, with CRLF and lone CR line ends turned into LF first, so the
 * parsers see the same lines whatever the mailer did to line ends.
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
            if (c == '\n' || c == '\r') {
                lines.add(text.substring(start, i));
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < n) {
            lines.add(text.substring(start));
        }
        return lines;
    }
}
