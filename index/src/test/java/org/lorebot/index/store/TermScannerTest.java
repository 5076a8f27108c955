package org.lorebot.index.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TermScannerTest {

    private static List<String> words(String text) {
        TermScanner scanner = new TermScanner(text);
        List<String> words = new ArrayList<>();
        while (scanner.next()) {
            words.add(scanner.term().toString());
        }
        return words;
    }

    @Test
    void lowerCasesAndKeepsUnderscoresInsideWords() {
        assertEquals(List.of("kmalloc", "size", "gfp_kernel", "gfp_dma"),
                words("kmalloc(size, GFP_KERNEL | GFP_DMA);"));
    }

    @Test
    void splitsAddressesAndPathsAtPunctuation() {
        assertEquals(List.of("miquel", "raynal", "bootlin", "com"), words("<miquel.raynal@bootlin.com>"));
        assertEquals(List.of("drivers", "mtd", "nand", "raw", "marvell_nand", "c"),
                words("drivers/mtd/nand/raw/marvell_nand.c"));
    }

    @Test
    void joinsDigitsAcrossDotsAndLettersAcrossApostrophes() {
        assertEquals(List.of("20190610062351.24405", "1", "tudor"),
                words("20190610062351.24405-1-tudor"));
        assertEquals(List.of("don't", "at&t", "v5.7", "1,000"), words("don't AT&T v5.7 1,000"));
    }

    @Test
    void readsWordsMixingAsciiAndOtherLettersWhole() {
        assertEquals(List.of("grüße", "café", "ökonomie's", "x", "y", "3.14", "naïve"),
                words("Grüße, CAFÉ. Ökonomie’s x.y 3.14. NAÏVE"));
    }

    @Test
    void keepsUpToThreeSuffixSignsUnlessAWordFollows() {
        assertEquals(List.of("c++", "c#", "fish", "chips"), words("C++ C# fish+chips"));
    }

    @Test
    void skipsWordsLongerThanXapianAllows() {
        String longWord = "a".repeat(65);
        assertEquals(List.of("short"), words(longWord + " short"));
    }
}
