package org.lorebot.index.solr;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TermToBytesRefAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.DocValuesType;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.util.BytesRef;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;
import org.lorebot.index.store.MailAnalyzer;

/**
 * Moves documents between lorebot's Lucene form (what {@code store.MessageDocument} builds, the
 * one place a message's fields are decided) and Solr's. Text goes as the tokens lorebot's own
 * analysis made of it, the very ones the local index is given; a column that only
 * exists as doc values locally (sorting, display) is Solr's business and is not sent; a number
 * indexed several ways (point, doc values, stored) is one value.
 */
final class SolrDocuments {

    private static final MailAnalyzer ANALYZER = new MailAnalyzer();

    private SolrDocuments() {
    }

    /** The Solr document of a message's Lucene document, without its key and thread. */
    static SolrInputDocument toSolr(Document doc) throws IOException {
        SolrInputDocument solr = new SolrInputDocument();
        Set<String> numbers = new HashSet<>();
        for (IndexableField field : doc.getFields()) {
            var type = field.fieldType();
            boolean columnOnly = type.docValuesType() != DocValuesType.NONE
                    && type.indexOptions() == IndexOptions.NONE && !type.stored();
            if (columnOnly) {
                continue;
            }
            Number number = field.numericValue();
            if (number != null) {
                if (numbers.add(field.name())) {
                    solr.addField(field.name(), number.longValue());
                }
            } else if (field.binaryValue() != null && type.stored()
                    && type.indexOptions() == IndexOptions.NONE) {
                BytesRef bytes = field.binaryValue();
                solr.addField(field.name(),
                        Arrays.copyOfRange(bytes.bytes, bytes.offset, bytes.offset + bytes.length));
            } else if (type.tokenized() && type.indexOptions() != IndexOptions.NONE) {
                // analysed as the local index writer would: pre-analysed tokens, or the text
                // through lorebot's analyzer
                solr.addField(field.name(), preAnalyzed(field.tokenStream(ANALYZER, null)));
            } else if (field.stringValue() != null) {
                solr.addField(field.name(), field.stringValue());
            }
        }
        return solr;
    }

    /**
     * Text the ingesting process has analysed already (lorebot's tokenizer and stemmer, run once
     * per message): its tokens in Solr's pre-analysed JSON, indexed as they are.
     */
    static String preAnalyzed(TokenStream tokens) throws IOException {
        StringBuilder json = new StringBuilder("{\"v\":\"1\",\"tokens\":[");
        // the term as the index takes it: bytes from lorebot's own streams, encoded characters
        // from an analyzer's
        TermToBytesRefAttribute term = tokens.addAttribute(TermToBytesRefAttribute.class);
        PositionIncrementAttribute increment = tokens.addAttribute(PositionIncrementAttribute.class);
        tokens.reset();
        boolean first = true;
        while (tokens.incrementToken()) {
            json.append(first ? "" : ",").append("{\"t\":");
            quote(json, term.getBytesRef().utf8ToString());
            json.append(",\"i\":").append(increment.getPositionIncrement()).append('}');
            first = false;
        }
        tokens.end();
        tokens.close();
        return json.append("]}").toString();
    }

    private static void quote(StringBuilder json, CharSequence text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        json.append('"');
    }

    /** The stored fields of a Solr document as a Lucene document (as the local index stores them). */
    static Document stored(SolrDocument solr) {
        Document doc = new Document();
        for (String name : solr.getFieldNames()) {
            for (Object value : solr.getFieldValues(name)) {
                if (value instanceof String text) {
                    doc.add(new StoredField(name, text));
                } else if (value instanceof Number number) {
                    doc.add(new StoredField(name, number.longValue()));
                } else if (value instanceof byte[] bytes) {
                    doc.add(new StoredField(name, bytes));
                } else if (value instanceof ByteBuffer buffer) {
                    doc.add(new StoredField(name, bytes(buffer)));
                }
            }
        }
        return doc;
    }

    /** A binary field's value, as javabin or another response format gives it. */
    static byte[] bytes(Object value) {
        if (value instanceof byte[] bytes) {
            return bytes;
        }
        ByteBuffer buffer = ((ByteBuffer) value).duplicate();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
