package org.lorebot.index.store;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.BytesTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.AttributeFactory;
import org.apache.lucene.util.BytesRef;

/**
 * The words or the stems of an {@link AnalyzedText} as Lucene's tokens. Terms are handed over as
 * their UTF-8 bytes (a {@link BytesTermAttribute}), which the index hashes as they are, instead
 * of characters it would encode again for every token. An indexing thread reuses one stream per
 * field (see {@link AnalyzedField}).
 */
final class AnalyzedTokens extends TokenStream {

    private final BytesTermAttribute term;
    private final PositionIncrementAttribute position;
    private final BytesRef bytes = new BytesRef();
    private AnalyzedText text;
    private int[] terms;
    private int next;

    AnalyzedTokens() {
        // the plain factory: one small implementation per attribute, no character term
        super(AttributeFactory.DEFAULT_ATTRIBUTE_FACTORY);
        term = addAttribute(BytesTermAttribute.class);
        position = addAttribute(PositionIncrementAttribute.class);
    }

    /** Sets the tokens to the words of {@code text} or, when {@code stemmed}, its stems. */
    AnalyzedTokens of(AnalyzedText text, boolean stemmed) {
        this.text = text;
        this.terms = text.terms(stemmed);
        this.next = 0;
        return this;
    }

    @Override
    public boolean incrementToken() {
        if (next >= terms.length) {
            return false;
        }
        // every attribute the indexer reads is set here, so none needs clearing first
        int n = terms[next++];
        int increment = 1;
        if (n < 0) {
            increment = -n;
            n = terms[next++];
        }
        text.term(n, bytes);
        term.setBytesRef(bytes);
        position.setPositionIncrement(increment);
        return true;
    }

    @Override
    public void reset() {
        next = 0;
    }

    @Override
    public void close() {
        // the indexing thread keeps this stream for its next document, not the text
        text = null;
        terms = null;
    }
}
