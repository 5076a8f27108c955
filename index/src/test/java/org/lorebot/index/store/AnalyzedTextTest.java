package org.lorebot.index.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

/** Text analyzed on the parsing threads gives the terms the field analyzer would give. */
class AnalyzedTextTest {

    private static final String TEXT = "Reviewed-by: Miquel Raynal <miquel.raynal@bootlin.com>\n"
            + "The buffers are allocated with kmalloc(len, GFP_KERNEL | GFP_DMA)"
            + XapianTokenizer.SECTION_BREAK + "bitflips happen; 20190610062351.24405 C++";

    private static List<String> terms(TokenStream stream) throws IOException {
        List<String> terms = new ArrayList<>();
        CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
        PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
        stream.reset();
        while (stream.incrementToken()) {
            terms.add(term + "+" + increment.getPositionIncrement());
        }
        stream.end();
        stream.close();
        return terms;
    }

    @Test
    void wordsAndPositionsAreThoseOfTheAnalyzer() throws IOException {
        try (MailAnalyzer analyzer = new MailAnalyzer()) {
            assertEquals(terms(analyzer.tokenStream(IndexFields.NOT_QUOTED, TEXT)),
                    terms(AnalyzedText.of(TEXT).words()));
        }
    }

    @Test
    void stemsAreTheAnalyzersOnceEach() throws IOException {
        try (MailAnalyzer analyzer = new MailAnalyzer()) {
            List<String> distinct = new ArrayList<>();
            for (String t : terms(analyzer.tokenStream(IndexFields.stemmed(IndexFields.NOT_QUOTED), TEXT))) {
                String stem = t.substring(0, t.lastIndexOf('+'));
                if (!distinct.contains(stem)) {
                    distinct.add(stem);
                }
            }
            List<String> stems = new ArrayList<>();
            for (String t : terms(AnalyzedText.of(TEXT).stems())) {
                stems.add(t.substring(0, t.lastIndexOf('+')));
            }
            assertEquals(distinct, stems);
            assertTrue(stems.contains("buffer") && stems.contains("bitflip")
                    && !stems.contains("20190610062351.24405"), stems.toString());
        }
    }
}
