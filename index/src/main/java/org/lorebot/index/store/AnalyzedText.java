package org.lorebot.index.store;

import java.util.Arrays;
import org.apache.lucene.util.BytesRef;

/**
 * A text cut into words once, with both the words (and their positions) and their stems, so that
 * the expensive part of indexing (tokenizing, stemming) runs on the parsing threads and each
 * text is tokenized once for its two fields. Produces the same terms as {@link MailAnalyzer}.
 *
 * <p>It holds its terms as Lucene indexes them, UTF-8, each distinct one once, and owns them: the
 * document is inverted later on an indexing thread, while the parsing thread's {@link WordTable}
 * moves on (and is emptied now and then).
 */
final class AnalyzedText {

    /** A parsing thread's table is emptied past this many distinct words (a few megabytes). */
    private static final int TABLE_LIMIT = 100_000;
    /** Past this many words or bytes of terms, a text's buffers are not kept for the next one. */
    private static final int KEPT_WORDS = 1 << 18;
    private static final int KEPT_BYTES = 1 << 20;
    private static final ThreadLocal<Analysis> ANALYSIS = ThreadLocal.withInitial(Analysis::new);
    private static final AnalyzedText EMPTY =
            new AnalyzedText(new byte[0], new int[1], new int[0], new int[0]);

    /** The distinct terms: term {@code n} is {@code bytes[starts[n], starts[n + 1])}. */
    private final byte[] bytes;
    private final int[] starts;
    /**
     * The words in order, as term numbers; a negative value {@code -n} stands before a word whose
     * position increment is {@code n} instead of 1 (a {@link XapianTokenizer#SECTION_BREAK}).
     */
    private final int[] words;
    /** The distinct stems that differ from their words (see {@link StemFilter}), term numbers. */
    private final int[] stems;

    private AnalyzedText(byte[] bytes, int[] starts, int[] words, int[] stems) {
        this.bytes = bytes;
        this.starts = starts;
        this.words = words;
        this.stems = stems;
    }

    static AnalyzedText of(String text) {
        return ANALYSIS.get().analyze(text);
    }

    boolean isEmpty() {
        return words.length == 0;
    }

    boolean hasStems() {
        return stems.length > 0;
    }

    /** The words (see {@link #words}'s encoding) or the stems, as term numbers. */
    int[] terms(boolean stemmed) {
        return stemmed ? stems : words;
    }

    /** Points {@code term} at term number {@code n}. */
    void term(int n, BytesRef term) {
        term.bytes = bytes;
        term.offset = starts[n];
        term.length = starts[n + 1] - starts[n];
    }

    /** A parsing thread's tokenizer, word table and the text being analysed. */
    private static final class Analysis {
        private final TermScanner scanner = new TermScanner();
        private final WordTable table = new WordTable();
        /**
         * Per table entry, the number of the text that last met it (as a term, as a word, as a
         * stem) and its term number there: a text's terms are found without a set of its own.
         */
        private int[] termText = new int[0];
        private int[] termNumber = new int[0];
        private int[] wordText = new int[0];
        private int[] stemText = new int[0];
        private int text;

        private byte[] bytes = new byte[4096];
        private int byteCount;
        private int[] starts = new int[513];
        private int termCount;
        private int[] words = new int[1024];
        private int wordCount;
        private int[] stems = new int[256];
        private int stemCount;

        AnalyzedText analyze(String value) {
            if (table.size() > TABLE_LIMIT) {
                table.clear();
            }
            if (++text == Integer.MAX_VALUE) {
                Arrays.fill(termText, 0);
                Arrays.fill(wordText, 0);
                Arrays.fill(stemText, 0);
                text = 1;
            }
            byteCount = 0;
            termCount = 0;
            wordCount = 0;
            stemCount = 0;
            scanner.reset(value);
            while (scanner.next()) {
                int entry = table.add(scanner.termBuffer(), scanner.termLength(), scanner.termHash());
                fit(entry);
                if (wordText[entry] != text) {
                    wordText[entry] = text;
                    int stem = table.stem(entry);
                    if (stem != WordTable.NO_STEM) {
                        fit(stem);
                        if (stemText[stem] != text) {
                            stemText[stem] = text;
                            if (stemCount == stems.length) {
                                stems = Arrays.copyOf(stems, stemCount * 2);
                            }
                            stems[stemCount++] = number(stem);
                        }
                    }
                }
                int breaks = scanner.sectionBreaks();
                if (breaks > 0) {
                    addWord(-(1 + breaks * XapianTokenizer.SECTION_GAP));
                }
                addWord(number(entry));
            }
            if (wordCount == 0) {
                return EMPTY;
            }
            AnalyzedText analyzed = new AnalyzedText(Arrays.copyOf(bytes, byteCount),
                    Arrays.copyOf(starts, termCount + 1), Arrays.copyOf(words, wordCount),
                    Arrays.copyOf(stems, stemCount));
            if (words.length > KEPT_WORDS || bytes.length > KEPT_BYTES) {
                // one huge text does not keep its buffers for the thread's life
                bytes = new byte[4096];
                starts = new int[513];
                words = new int[1024];
                stems = new int[256];
            }
            return analyzed;
        }

        private void addWord(int word) {
            if (wordCount == words.length) {
                words = Arrays.copyOf(words, wordCount * 2);
            }
            words[wordCount++] = word;
        }

        /** The term number of a table entry in this text, its bytes copied the first time. */
        private int number(int entry) {
            if (termText[entry] == text) {
                return termNumber[entry];
            }
            int length = table.bytesLength(entry);
            if (byteCount + length > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, byteCount + length));
            }
            System.arraycopy(table.bytes(), table.bytesStart(entry), bytes, byteCount, length);
            byteCount += length;
            if (termCount + 2 > starts.length) {
                starts = Arrays.copyOf(starts, starts.length * 2);
            }
            starts[termCount + 1] = byteCount;
            termText[entry] = text;
            termNumber[entry] = termCount;
            return termCount++;
        }

        /** Makes the per-entry marks reach {@code entry}. */
        private void fit(int entry) {
            if (entry >= termText.length) {
                int capacity = Math.max(entry + 1, termText.length * 2);
                termText = Arrays.copyOf(termText, capacity);
                termNumber = Arrays.copyOf(termNumber, capacity);
                wordText = Arrays.copyOf(wordText, capacity);
                stemText = Arrays.copyOf(stemText, capacity);
            }
        }
    }
}
