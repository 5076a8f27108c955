package org.lorebot.index.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TermToBytesRefAttribute;
import org.junit.jupiter.api.Test;

/** Text analyzed on the parsing threads gives the terms the field analyzer would give. */
class AnalyzedTextTest {

    private static final String TEXT = "Reviewed-by: Miquel Raynal <miquel.raynal@bootlin.com>\n"
            + "The buffers are allocated with kmalloc(len, GFP_KERNEL | GFP_DMA)"
            + XapianTokenizer.SECTION_BREAK + "bitflips happen; 20190610062351.24405 C++"
            + XapianTokenizer.SECTION_BREAK + XapianTokenizer.SECTION_BREAK
            + "Grüße, Łukasz: the buffer's buffered ﬁlesystems 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 happened";

    /** Each token as the index takes it (its UTF-8 bytes, decoded) with its position increment. */
    private static List<String> terms(TokenStream stream) throws IOException {
        List<String> terms = new ArrayList<>();
        TermToBytesRefAttribute term = stream.addAttribute(TermToBytesRefAttribute.class);
        PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
        stream.reset();
        while (stream.incrementToken()) {
            terms.add(term.getBytesRef().utf8ToString() + "+" + increment.getPositionIncrement());
        }
        stream.end();
        stream.close();
        return terms;
    }

    private static List<String> words(AnalyzedText text) throws IOException {
        return terms(new AnalyzedTokens().of(text, false));
    }

    private static List<String> stems(AnalyzedText text) throws IOException {
        List<String> stems = new ArrayList<>();
        for (String t : terms(new AnalyzedTokens().of(text, true))) {
            stems.add(t.substring(0, t.lastIndexOf('+')));
        }
        return stems;
    }

    private static List<String> analyzerWords(String text) throws IOException {
        try (MailAnalyzer analyzer = new MailAnalyzer()) {
            return terms(analyzer.tokenStream(IndexFields.NOT_QUOTED, text));
        }
    }

    /** The analyzer's stems, each once, in their first word's order. */
    private static List<String> analyzerStems(String text) throws IOException {
        try (MailAnalyzer analyzer = new MailAnalyzer()) {
            LinkedHashSet<String> distinct = new LinkedHashSet<>();
            for (String t : terms(analyzer.tokenStream(IndexFields.stemmed(IndexFields.NOT_QUOTED), text))) {
                distinct.add(t.substring(0, t.lastIndexOf('+')));
            }
            return new ArrayList<>(distinct);
        }
    }

    @Test
    void wordsAndPositionsAreThoseOfTheAnalyzer() throws IOException {
        List<String> words = words(AnalyzedText.of(TEXT));
        assertEquals(analyzerWords(TEXT), words);
        assertTrue(words.contains("bitflips+101") && words.contains("grüße+201")
                && words.stream().anyMatch(w -> w.codePoints().anyMatch(Character::isSupplementaryCodePoint)),
                words.toString());
    }

    @Test
    void stemsAreTheAnalyzersOnceEach() throws IOException {
        List<String> stems = stems(AnalyzedText.of(TEXT));
        assertEquals(analyzerStems(TEXT), stems);
        assertTrue(stems.contains("buffer") && stems.contains("bitflip") && stems.contains("happen")
                && !stems.contains("20190610062351.24405") && !stems.contains("kmalloc"),
                stems.toString());
        assertEquals(1, stems.stream().filter("buffer"::equals).count(), stems.toString());
    }

    @Test
    void aTextWithoutWordsIsEmpty() throws IOException {
        assertTrue(AnalyzedText.of(" -- \u0001 ;-) ").isEmpty());
        AnalyzedText noStems = AnalyzedText.of("kmalloc GFP_DMA 0x1000");
        assertFalse(noStems.isEmpty());
        assertFalse(noStems.hasStems(), stems(noStems).toString());
    }

    /**
     * A document is inverted on an indexing thread while its parsing thread analyses the next
     * messages, and empties its table of words now and then: a text keeps its own terms.
     */
    @Test
    void aTextKeepsItsTermsWhileItsThreadMovesOn() throws IOException {
        AnalyzedText first = AnalyzedText.of(TEXT);
        List<String> words = words(first);
        List<String> stems = stems(first);
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 150_000; i++) {
            many.append("word").append(Integer.toString(i, 36)).append("ing ");
        }
        for (int round = 0; round < 3; round++) {
            AnalyzedText other = AnalyzedText.of(many.toString());
            assertEquals(150_000, words(other).size());
            assertEquals(analyzerStems("bitflips GFP_DMA Raynal happening"),
                    stems(AnalyzedText.of("bitflips GFP_DMA Raynal happening")));
        }
        assertEquals(words, words(first));
        assertEquals(stems, stems(first));
        assertEquals(analyzerWords(TEXT), words(AnalyzedText.of(TEXT)));
    }
}
