package org.lorebot.index.solr;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.params.ShardParams;
import org.lorebot.index.query.MailQueryParser;
import org.lorebot.index.query.QuerySyntaxException;
import org.lorebot.index.search.MailSearcher;
import org.lorebot.index.search.MessageThread;
import org.lorebot.index.search.SearchHit;
import org.lorebot.index.search.SearchLimitException;
import org.lorebot.index.search.SearchLimits;
import org.lorebot.index.search.SearchResults;
import org.lorebot.index.search.ThreadEntry;
import org.lorebot.index.solr.plugin.LorebotQParserPlugin;
import org.lorebot.index.store.IndexFields;
import org.lorebot.index.thread.ThreadGraph;
import org.lorebot.index.thread.ThreadPosition;

/**
 * Searches the collection: a query fans out to every shard, each parsing it with lorebot's own
 * parser ({@code {!lorebot}}); a thread is read from the one shard its root routes to.
 */
final class SolrSearcher {

    private static final String HIT_FIELDS = String.join(",", IndexFields.MID,
            IndexFields.STORED_SUBJECT, IndexFields.STORED_FROM, IndexFields.DATE,
            SolrFields.THREAD, IndexFields.LIST);

    private final SolrCollection solr;

    SolrSearcher(SolrCollection solr) {
        this.solr = solr;
    }

    SearchResults search(String query, int offset, int limit, SearchLimits limits)
            throws QuerySyntaxException, SearchLimitException, IOException {
        Instant now = Instant.now();
        // parsed here first: a bad query gets the local index's own message, not a remote error
        MailQueryParser.parse(query, now);
        SolrQuery q = new SolrQuery("{!" + LorebotQParserPlugin.NAME + " "
                + LorebotQParserPlugin.NOW + "=" + now.toEpochMilli() + " v=$lq}");
        q.set("lq", query);
        q.addFilterQuery(SolrCollection.MESSAGES);
        q.setFields(HIT_FIELDS);
        q.addSort(IndexFields.DATE, SolrQuery.ORDER.desc);
        q.addSort(IndexFields.SEQUENCE, SolrQuery.ORDER.desc);
        if (limits != null) {
            q.setTimeAllowed((int) Math.min(Integer.MAX_VALUE, limits.timeout().toMillis()));
        }
        q.setStart(offset);
        if (limit > 0) {
            q.setRows(limit);
        } else {
            q.setRows(0);
            long total = solr.query(q).getResults().getNumFound();
            q.setRows((int) Math.max(0, Math.min(Integer.MAX_VALUE, total - offset)));
        }
        QueryResponse response = solr.query(q);
        if (limits != null && Boolean.TRUE.equals(
                response.getResponseHeader().get("partialResults"))) {
            throw new SearchLimitException("the search took longer than "
                    + limits.timeout().toMillis() + " ms: make it narrower");
        }
        SolrDocumentList docs = response.getResults();
        List<SearchHit> hits = new ArrayList<>(docs.size());
        for (SolrDocument doc : docs) {
            hits.add(hit(doc));
        }
        return new SearchResults(docs.getNumFound(), hits);
    }

    private static SearchHit hit(SolrDocument doc) {
        return new SearchHit((String) doc.getFirstValue(IndexFields.MID),
                (String) doc.getFirstValue(IndexFields.STORED_SUBJECT),
                (String) doc.getFirstValue(IndexFields.STORED_FROM),
                Instant.ofEpochSecond(SolrCollection.number(doc, IndexFields.DATE)),
                (String) doc.getFirstValue(SolrFields.THREAD),
                (String) doc.getFirstValue(IndexFields.LIST));
    }

    /** The results for those of {@code messageIds} the collection holds, by Message-ID. */
    Map<String, SearchHit> hits(Collection<String> messageIds) throws IOException {
        Map<String, SearchHit> found = new HashMap<>();
        for (SolrDocument doc : solr.byMessageIds(SolrMailIndex.bare(messageIds), HIT_FIELDS)) {
            SearchHit hit = hit(doc);
            found.put(hit.messageId(), hit);
        }
        return found;
    }

    int size() throws IOException {
        SolrQuery q = new SolrQuery(SolrCollection.MESSAGES).setRows(0);
        return (int) solr.query(q).getResults().getNumFound();
    }

    SortedSet<String> lists() throws IOException {
        SolrQuery q = new SolrQuery(SolrCollection.MESSAGES).setRows(0).setFacet(true)
                .addFacetField(IndexFields.LIST).setFacetLimit(-1).setFacetMinCount(1);
        SortedSet<String> names = new TreeSet<>();
        q.setFacetSort("index");
        solr.query(q).getFacetField(IndexFields.LIST).getValues()
                .forEach(count -> names.add(count.getName()));
        return names;
    }

    /** The root of the thread holding a message or ghost, as the ingesting process stored it. */
    Optional<String> threadRoot(String messageId) throws IOException {
        String id = MailSearcher.bare(messageId);
        SolrQuery q = new SolrQuery("{!bool should=$bymid should=$byref}").setRows(1)
                .setFields(SolrFields.THREAD);
        q.set("bymid", SolrCollection.term(IndexFields.MID, id));
        q.set("byref", SolrCollection.term(IndexFields.REFERENCE, id));
        SolrDocumentList docs = solr.query(q).getResults();
        return docs.isEmpty() ? Optional.empty()
                : Optional.of((String) docs.get(0).getFirstValue(SolrFields.THREAD));
    }

    Optional<MessageThread> thread(String messageId) throws IOException {
        String id = MailSearcher.bare(messageId);
        Optional<String> stored = threadRoot(id);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        SolrQuery q = new SolrQuery(SolrCollection.term(SolrFields.THREAD, stored.get()))
                .setFields(HIT_FIELDS + "," + IndexFields.REFERENCE + "," + IndexFields.SEQUENCE)
                .setRows(0);
        q.set(ShardParams._ROUTE_, SolrFields.routeOf(stored.get()) + "!");
        q.setRows((int) solr.query(q).getResults().getNumFound());
        List<SolrDocument> docs = new ArrayList<>(solr.query(q).getResults());
        docs.sort(Comparator.comparingLong(d -> SolrCollection.number(d, IndexFields.SEQUENCE)));
        ThreadGraph graph = new ThreadGraph();
        Map<String, SearchHit> hits = new HashMap<>();
        for (SolrDocument doc : docs) {
            SolrStore.ThreadMember m = SolrCollection.member(doc);
            graph.add(m.messageId(), m.references(), m.date(), m.sequence());
            hits.put(m.messageId(), hit(doc));
        }
        Optional<List<ThreadPosition>> layout = graph.layout(id);
        Optional<String> root = graph.root(id);
        if (layout.isEmpty() || root.isEmpty()) {
            return Optional.empty();
        }
        List<ThreadEntry> entries = new ArrayList<>();
        for (ThreadPosition p : layout.get()) {
            entries.add(new ThreadEntry(p.messageId(), p.depth(),
                    Optional.ofNullable(hits.get(p.messageId()))));
        }
        return Optional.of(new MessageThread(root.get(), entries));
    }
}
