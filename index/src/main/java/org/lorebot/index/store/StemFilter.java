package org.lorebot.index.store;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * Keeps only the words Xapian stems (those starting with a letter) and replaces each by its
 * English (Porter2) stem: the {@code Z}-prefixed terms of Xapian's {@code STEM_SOME} strategy.
 */
public final class StemFilter extends TokenFilter {

    private final CharTermAttribute termAttribute = addAttribute(CharTermAttribute.class);
    private final EnglishStemmer stemmer = new EnglishStemmer();

    public StemFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        while (input.incrementToken()) {
            if (!TermScanner.isStemmable(termAttribute)) {
                continue;
            }
            stemmer.setCurrent(termAttribute.buffer(), termAttribute.length());
            stemmer.stem();
            termAttribute.copyBuffer(stemmer.getCurrentBuffer(), 0,
                    stemmer.getCurrentBufferLength());
            return true;
        }
        return false;
    }

    /** The stem of one lower-case word, as indexed in the stemmed fields. */
    public static String stem(String word) {
        EnglishStemmer stemmer = new EnglishStemmer();
        stemmer.setCurrent(word);
        stemmer.stem();
        return stemmer.getCurrent();
    }
}
