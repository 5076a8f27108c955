package org.lorebot.index.store;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * A text cut into words once, with both the words (and their positions) and their stems, so that
 * the expensive part of indexing (tokenizing, stemming) runs on the parsing threads and each
 * text is tokenized once for its two fields. Produces the same terms as {@link MailAnalyzer}.
 */
final class AnalyzedText {

    private static final int STEM_CACHE_LIMIT = 100_000;
    private static final ThreadLocal<Stemmer> STEMMER = ThreadLocal.withInitial(Stemmer::new);
    private static final ThreadLocal<TermScanner> SCANNER = ThreadLocal.withInitial(TermScanner::new);

    private String[] words = new String[64];
    private int[] increments = new int[64];
    private int size;

    private AnalyzedText() {
    }

    static AnalyzedText of(String text) {
        AnalyzedText analyzed = new AnalyzedText();
        TermScanner scanner = SCANNER.get().reset(text);
        int previousEnd = 0;
        while (scanner.next()) {
            int increment = 1;
            for (int i = previousEnd; i < scanner.start(); i++) {
                if (text.charAt(i) == XapianTokenizer.SECTION_BREAK) {
                    increment += XapianTokenizer.SECTION_GAP;
                }
            }
            previousEnd = scanner.end();
            analyzed.add(scanner.term().toString(), increment);
        }
        return analyzed;
    }

    private void add(String word, int increment) {
        if (size == words.length) {
            words = Arrays.copyOf(words, size * 2);
            increments = Arrays.copyOf(increments, size * 2);
        }
        words[size] = word;
        increments[size] = increment;
        size++;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** The words with their positions. */
    TokenStream words() {
        return new Replay(words, increments, size);
    }

    /**
     * The distinct stems of the words Xapian stems, less those equal to their word (see
     * {@link StemFilter}): the stem fields keep neither positions nor frequencies, so each stem
     * is given once.
     */
    TokenStream stems() {
        Stemmer stemmer = STEMMER.get();
        java.util.Set<String> distinct = new java.util.HashSet<>(Math.max(16, size / 2));
        String[] stems = new String[size];
        int count = 0;
        for (int i = 0; i < size; i++) {
            if (TermScanner.isStemmable(words[i])) {
                String stem = stemmer.stem(words[i]);
                if (!stem.equals(words[i]) && distinct.add(stem)) {
                    stems[count++] = stem;
                }
            }
        }
        int[] ones = new int[count];
        Arrays.fill(ones, 1);
        return new Replay(stems, ones, count);
    }

    /** A stemmer with a cache: mail repeats the same words, and stemming is costly. */
    private static final class Stemmer {
        private final EnglishStemmer stemmer = new EnglishStemmer();
        private final Map<String, String> cache = new HashMap<>();

        String stem(String word) {
            String stem = cache.get(word);
            if (stem == null) {
                stemmer.setCurrent(word);
                stemmer.stem();
                stem = stemmer.getCurrent();
                if (cache.size() >= STEM_CACHE_LIMIT) {
                    cache.clear();
                }
                cache.put(word, stem);
            }
            return stem;
        }
    }

    private static final class Replay extends TokenStream {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final PositionIncrementAttribute position =
                addAttribute(PositionIncrementAttribute.class);
        private final String[] words;
        private final int[] increments;
        private final int size;
        private int next;

        Replay(String[] words, int[] increments, int size) {
            this.words = words;
            this.increments = increments;
            this.size = size;
        }

        @Override
        public boolean incrementToken() {
            if (next >= size) {
                return false;
            }
            clearAttributes();
            term.setEmpty().append(words[next]);
            position.setPositionIncrement(increments[next]);
            next++;
            return true;
        }

        @Override
        public void reset() {
            next = 0;
        }
    }
}
