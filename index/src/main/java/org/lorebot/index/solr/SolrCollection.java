package org.lorebot.index.solr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.request.QueryRequest;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.SolrInputDocument;
import org.lorebot.index.store.IndexFields;

/**
 * lorebot's collection on a SolrCloud: the requests the index makes of it. Every read sees
 * what was last committed (queries, never real-time get), which is what a killed ingest relies
 * on: documents it sent without committing are not seen, and are sent again.
 */
final class SolrCollection implements AutoCloseable {

    /** Separates the terms of a {@code {!terms}} query: no Message-ID holds it. */
    private static final String TERM_SEPARATOR = "\u001f";
    /** Matches messages only (cursor documents have no Message-ID). */
    static final String MESSAGES = IndexFields.MID + ":[* TO *]";
    private static final int PAGE = 5000;

    private final SolrClient client;
    private final String name;

    SolrCollection(SolrClient client, String name) {
        this.client = client;
        this.name = name;
    }

    String name() {
        return name;
    }

    /** Runs a query (posted: term lists can be long). */
    QueryResponse query(SolrQuery query) throws IOException {
        try {
            return new QueryRequest(query, SolrRequest.METHOD.POST).process(client, name);
        } catch (SolrServerException | SolrException e) {
            throw failure(e);
        }
    }

    void send(UpdateRequest update) throws IOException {
        try {
            update.process(client, name);
        } catch (SolrServerException | SolrException e) {
            throw failure(e);
        }
    }

    private IOException failure(Exception e) {
        return new IOException("Solr collection " + name + ": " + e.getMessage(), e);
    }

    /** Every matching document, {@code fields} of each, in pages. */
    List<SolrDocument> all(String query, String fields) throws IOException {
        List<SolrDocument> found = new ArrayList<>();
        for (int start = 0; ; start += PAGE) {
            SolrQuery q = new SolrQuery(query).setFields(fields).setStart(start).setRows(PAGE)
                    .setSort(SolrFields.ID, SolrQuery.ORDER.asc);
            SolrDocumentList page = query(q).getResults();
            found.addAll(page);
            if (page.size() < PAGE) {
                return found;
            }
        }
    }

    /** A {@code {!terms}} query for any of {@code values} in {@code field}. */
    static String anyOf(String field, Collection<String> values) {
        return "{!terms f=" + field + " separator=\"" + TERM_SEPARATOR + "\"}"
                + String.join(TERM_SEPARATOR, values);
    }

    /** A query for one exact term. */
    static String term(String field, String value) {
        return "{!term f=" + field + "}" + value;
    }

    /** The document of a message, with {@code fields}. */
    Optional<SolrDocument> message(String messageId, String fields) throws IOException {
        SolrQuery q = new SolrQuery(term(IndexFields.MID, messageId)).setFields(fields).setRows(1);
        SolrDocumentList docs = query(q).getResults();
        return docs.isEmpty() ? Optional.empty() : Optional.of(docs.get(0));
    }

    /** The documents of those of {@code messageIds} the collection holds, with {@code fields}. */
    List<SolrDocument> byMessageIds(Collection<String> messageIds, String fields)
            throws IOException {
        return messageIds.isEmpty() ? List.of()
                : all(anyOf(IndexFields.MID, messageIds), fields);
    }

    /** The stored document under a unique key. */
    Optional<SolrDocument> byKey(String key) throws IOException {
        SolrQuery q = new SolrQuery(term(SolrFields.ID, key)).setFields("*").setRows(1);
        SolrDocumentList docs = query(q).getResults();
        return docs.isEmpty() ? Optional.empty() : Optional.of(docs.get(0));
    }

    /**
     * The threading record of every message in a thread that holds one of {@code ids}, as a
     * message or as a reference.
     */
    List<SolrStore.ThreadMember> threadsOf(Collection<String> ids) throws IOException {
        if (ids.isEmpty()) {
            return List.of();
        }
        SolrQuery roots = new SolrQuery("{!bool should=$bymid should=$byref}")
                .setRows(0).setFacet(true).addFacetField(SolrFields.THREAD)
                .setFacetLimit(-1).setFacetMinCount(1);
        roots.set("bymid", anyOf(IndexFields.MID, ids));
        roots.set("byref", anyOf(IndexFields.REFERENCE, ids));
        List<String> threads = new ArrayList<>();
        query(roots).getFacetField(SolrFields.THREAD).getValues()
                .forEach(count -> threads.add(count.getName()));
        if (threads.isEmpty()) {
            return List.of();
        }
        List<SolrStore.ThreadMember> members = new ArrayList<>();
        String fields = String.join(",", SolrFields.ID, IndexFields.MID, IndexFields.REFERENCE,
                IndexFields.DATE, IndexFields.SEQUENCE);
        for (SolrDocument doc : all(anyOf(SolrFields.THREAD, threads), fields)) {
            members.add(member(doc));
        }
        return members;
    }

    static SolrStore.ThreadMember member(SolrDocument doc) {
        Collection<Object> refs = doc.getFieldValues(IndexFields.REFERENCE);
        List<String> references = new ArrayList<>();
        if (refs != null) {
            refs.forEach(r -> references.add((String) r));
        }
        return new SolrStore.ThreadMember((String) doc.getFirstValue(SolrFields.ID),
                (String) doc.getFirstValue(IndexFields.MID), references,
                number(doc, IndexFields.DATE), number(doc, IndexFields.SEQUENCE));
    }

    static long number(SolrDocument doc, String field) {
        Object value = doc.getFirstValue(field);
        return value == null ? 0 : ((Number) value).longValue();
    }

    /** {@code list}'s committed archive cursor. */
    Map<String, String> cursor(String list) throws IOException {
        Map<String, String> cursor = new HashMap<>();
        SolrQuery q = new SolrQuery(term(SolrFields.ID, SolrFields.cursorId(list)))
                .setFields(SolrFields.CURSOR).setRows(1);
        SolrDocumentList docs = query(q).getResults();
        if (!docs.isEmpty()) {
            String text = (String) docs.get(0).getFirstValue(SolrFields.CURSOR);
            for (String line : text == null ? new String[0] : text.split("\n")) {
                int tab = line.indexOf('\t');
                if (tab > 0) {
                    cursor.put(line.substring(0, tab), line.substring(tab + 1));
                }
            }
        }
        return cursor;
    }

    /** One more than the highest sequence number any list committed. */
    long nextSequence() throws IOException {
        long next = 1;
        for (SolrDocument doc : all(SolrFields.CURSOR_LIST + ":[* TO *]", SolrFields.NEXT_SEQUENCE)) {
            next = Math.max(next, number(doc, SolrFields.NEXT_SEQUENCE));
        }
        return next;
    }

    /** The cursor document of {@code list}, committed with the documents read up to it. */
    SolrInputDocument cursorDocument(String list, Map<String, String> cursor, long nextSequence) {
        StringBuilder text = new StringBuilder();
        cursor.forEach((epoch, position) -> text.append(epoch).append('\t').append(position)
                .append('\n'));
        SolrInputDocument doc = new SolrInputDocument();
        doc.setField(SolrFields.ID, SolrFields.cursorId(list));
        doc.setField(SolrFields.THREAD, SolrFields.CURSOR_ROUTE);
        doc.setField(SolrFields.CURSOR_LIST, list);
        doc.setField(SolrFields.CURSOR, text.toString());
        doc.setField(SolrFields.NEXT_SEQUENCE, nextSequence);
        return doc;
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
