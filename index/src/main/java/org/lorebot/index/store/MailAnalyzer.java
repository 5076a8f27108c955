package org.lorebot.index.store;

import org.apache.lucene.analysis.Analyzer;

/**
 * The analyzer of every tokenized field: Xapian-compatible words ({@link XapianTokenizer}) for
 * the positional fields, their English stems ({@link StemFilter}) for the {@code *_stem} fields.
 */
public final class MailAnalyzer extends Analyzer {

    public MailAnalyzer() {
        super(PER_FIELD_REUSE_STRATEGY);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        XapianTokenizer tokenizer = new XapianTokenizer();
        if (IndexFields.isStemField(fieldName)) {
            return new TokenStreamComponents(tokenizer, new StemFilter(tokenizer));
        }
        return new TokenStreamComponents(tokenizer);
    }

    @Override
    public int getPositionIncrementGap(String fieldName) {
        return XapianTokenizer.SECTION_GAP;
    }
}
