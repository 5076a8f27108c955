package org.lorebot.index.store;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * Keeps only the words Xapian stems (those starting with a letter) whose English (Porter2) stem
 * differs from the word, and replaces each by that stem: the {@code Z}-prefixed terms of Xapian's
 * {@code STEM_SOME} strategy, less those a word already gives. A word that is its own stem
 * ({@code patch}, {@code kmalloc}: most words of mail and code) is found through its exact term,
 * so its stem would be a second posting of the same fact; a search for a stem asks for both (see
 * {@link #isOwnStem}).
 */
public final class StemFilter extends TokenFilter {

    private final CharTermAttribute termAttribute = addAttribute(CharTermAttribute.class);
    private final EnglishStemmer stemmer = new EnglishStemmer();
    private char[] word = new char[64];

    public StemFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        while (input.incrementToken()) {
            if (!TermScanner.isStemmable(termAttribute)) {
                continue;
            }
            int length = termAttribute.length();
            if (word.length < length) {
                word = new char[length * 2];
            }
            // the stemmer works in the array it is given
            System.arraycopy(termAttribute.buffer(), 0, word, 0, length);
            stemmer.setCurrent(termAttribute.buffer(), length);
            stemmer.stem();
            char[] stem = stemmer.getCurrentBuffer();
            int stemLength = stemmer.getCurrentBufferLength();
            if (Arrays.equals(word, 0, length, stem, 0, stemLength)) {
                continue;
            }
            termAttribute.copyBuffer(stem, 0, stemLength);
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

    /**
     * Whether {@code stem} is its own stem: then the words with that stem are found under the
     * stemmed field (those that differ from it) or as the exact word {@code stem} itself.
     */
    public static boolean isOwnStem(String stem) {
        return stem(stem).equals(stem);
    }
}
