package org.lorebot.index.solr;

import java.util.ArrayList;
import java.util.List;
import org.lorebot.index.store.IndexFields;
import org.lorebot.index.store.MailAnalyzer;

/**
 * The collection's schema, written from lorebot's own field list ({@link IndexFields}) so that
 * it cannot drift from the local index. Text fields and their stems are analysed once, by the
 * ingesting process with lorebot's own classes (as for the local index), and arrive as tokens
 * (Solr's pre-analysed fields); their query analyzer is lorebot's ({@link MailAnalyzer}, which
 * stems the {@code *_stem} fields by their name), though lorebot's query parser analyses its
 * words itself. The exact
 * fields are strings, numbers are points with doc values. What differs from the Lucene index is
 * only what Solr needs: the routing key and the stored thread ({@link SolrFields}), and the
 * fields a re-routed message is rebuilt from (references, arrival time) being stored.
 */
final class SolrSchema {

    private SolrSchema() {
    }

    /** The schema file ({@code schema.xml}) of the configset. */
    static String xml() {
        List<String> fields = new ArrayList<>();
        fields.add(field(SolrFields.ID, "string", "indexed=\"true\" stored=\"true\" required=\"true\""));
        fields.add(field("_version_", "plong", "indexed=\"true\" stored=\"false\""));
        fields.add(field(SolrFields.THREAD, "string", "indexed=\"true\" stored=\"true\""));
        fields.add(field(SolrFields.CURSOR_LIST, "string", "indexed=\"true\" stored=\"true\""));
        fields.add(field(SolrFields.CURSOR, "string", "indexed=\"false\" stored=\"true\" docValues=\"false\""));
        fields.add(field(SolrFields.NEXT_SEQUENCE, "plong", "indexed=\"false\" stored=\"true\""));
        fields.add(field(IndexFields.MID, "string", "indexed=\"true\" stored=\"true\""));
        for (String text : IndexFields.TEXT_FIELDS) {
            fields.add(field(text, "lorebot_words", "multiValued=\"true\""));
            fields.add(field(IndexFields.stemmed(text), "lorebot_stems", "multiValued=\"true\""));
        }
        fields.add(field(IndexFields.LIST, "string", "indexed=\"true\" stored=\"true\" multiValued=\"true\""));
        fields.add(field(IndexFields.PATCH_ID, "string", "indexed=\"true\" stored=\"true\""));
        fields.add(field(IndexFields.DATE, "plong", "indexed=\"true\" stored=\"true\""));
        fields.add(field(IndexFields.RECEIVED, "plong", "indexed=\"true\" stored=\"true\""));
        fields.add(field(IndexFields.DIFF_PRE_BLOB, "string", "indexed=\"true\" stored=\"false\" docValues=\"false\" multiValued=\"true\""));
        fields.add(field(IndexFields.DIFF_POST_BLOB, "string", "indexed=\"true\" stored=\"false\" docValues=\"false\" multiValued=\"true\""));
        fields.add(field(IndexFields.SEQUENCE, "plong", "indexed=\"false\" stored=\"true\""));
        // the references in order (the parent last): threads are rebuilt from them
        fields.add(field(IndexFields.REFERENCE, "string", "indexed=\"true\" stored=\"true\" docValues=\"false\" multiValued=\"true\""));
        fields.add(field(IndexFields.STORED_SUBJECT, "string", "indexed=\"false\" stored=\"true\" docValues=\"false\""));
        fields.add(field(IndexFields.STORED_FROM, "string", "indexed=\"false\" stored=\"true\" docValues=\"false\""));
        fields.add(field(IndexFields.RAW, "binary", "indexed=\"false\" stored=\"true\""));
        fields.add(field(IndexFields.EPOCH, "string", "indexed=\"false\" stored=\"true\" docValues=\"false\""));
        fields.add(field(IndexFields.BLOB, "string", "indexed=\"false\" stored=\"true\" docValues=\"false\""));
        String analyzer = MailAnalyzer.class.getName();
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- Written by lorebot (org.lorebot.index.solr.SolrSchema) from its own field list. -->
                <schema name="lorebot" version="1.7">
                  <uniqueKey>id</uniqueKey>
                  <fieldType name="string" class="solr.StrField" sortMissingLast="true" docValues="true"/>
                  <fieldType name="plong" class="solr.LongPointField" docValues="true"/>
                  <fieldType name="binary" class="solr.BinaryField"/>
                  <fieldType name="lorebot_words" class="solr.PreAnalyzedField" parserImpl="json" omitNorms="true" indexed="true" stored="false">
                    <analyzer type="query" class="%1$s"/>
                  </fieldType>
                  <fieldType name="lorebot_stems" class="solr.PreAnalyzedField" parserImpl="json" omitNorms="true" omitTermFreqAndPositions="true" indexed="true" stored="false">
                    <analyzer type="query" class="%1$s"/>
                  </fieldType>
                %2$s
                </schema>
                """.formatted(analyzer, String.join("\n", fields));
    }

    private static String field(String name, String type, String attributes) {
        return "  <field name=\"" + name + "\" type=\"" + type + "\" " + attributes + "/>";
    }
}
