package org.lorebot.index.store;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;

/**
 * A text field whose tokens an {@link AnalyzedText} holds: its words, or its stems. Its stream is
 * the one the indexing thread used for the same field of the previous document, when it is one
 * of ours, so that the indexer need not look its attributes up again for every field.
 */
final class AnalyzedField extends Field {

    private final AnalyzedText text;
    private final boolean stemmed;

    AnalyzedField(String name, FieldType type, AnalyzedText text, boolean stemmed) {
        super(name, type);
        this.text = text;
        this.stemmed = stemmed;
    }

    @Override
    public TokenStream tokenStream(Analyzer analyzer, TokenStream reuse) {
        AnalyzedTokens tokens = reuse instanceof AnalyzedTokens previous ? previous : new AnalyzedTokens();
        return tokens.of(text, stemmed);
    }
}
