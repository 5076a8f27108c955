package org.lorebot.bot.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextWrapTest {

    @Test
    void breaksBetweenWordsAtTheWidth() {
        assertEquals(List.of("aaa bbb", "ccc"), TextWrap.fill("aaa bbb ccc", 7, "", ""));
        assertEquals(List.of("aaa", "bbb"), TextWrap.fill("aaa\n  bbb", 6, "", ""));
    }

    @Test
    void hangingIndentAndOverlongWords() {
        assertEquals(List.of("  - ab", "    https://very-long", "    cd"),
                TextWrap.fill("ab https://very-long cd", 10, "  - ", "    "));
    }

    @Test
    void emptyTextGivesTheBarePrefixTrimmed() {
        assertEquals(List.of("Fix:"), TextWrap.fill(" ", 72, "Fix: ", ""));
    }
}
