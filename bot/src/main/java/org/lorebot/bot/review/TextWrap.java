package org.lorebot.bot.review;

import java.util.ArrayList;
import java.util.List;

/**
 * Fills prose into lines of at most a given width, breaking between words. A word longer than
 * the line (a long URL) gets a line of its own rather than being cut, so links stay usable.
 */
public final class TextWrap {

    /** The width kernel lists expect of mail text. */
    public static final int WIDTH = 72;

    private TextWrap() {
    }

    /**
     * Wraps {@code text}, whose whitespace (newlines included) only separates words, into lines
     * starting with {@code firstPrefix} then {@code nextPrefix} (a hanging indent).
     */
    public static List<String> fill(String text, int width, String firstPrefix, String nextPrefix) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(firstPrefix);
        int prefixLength = firstPrefix.length();
        for (String word : text.strip().split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            boolean lineHasWords = line.length() > prefixLength;
            if (lineHasWords && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line = new StringBuilder(nextPrefix);
                prefixLength = nextPrefix.length();
                lineHasWords = false;
            }
            if (lineHasWords) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > prefixLength || lines.isEmpty()) {
            lines.add(line.toString().stripTrailing());
        }
        return List.copyOf(lines);
    }

    /** {@link #fill} at {@link #WIDTH} without indentation. */
    public static List<String> fill(String text) {
        return fill(text, WIDTH, "", "");
    }
}
