package org.lorebot.index.solr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.solr.client.solrj.request.AbstractUpdateRequest;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;
import org.lorebot.index.mail.MalformedMailException;
import org.lorebot.index.store.DocumentStore;
import org.lorebot.index.store.IndexFields;
import org.lorebot.index.store.KnownIds;
import org.lorebot.index.thread.ThreadGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingest's writes to the Solr collection. What the ingester puts and deletes is held here until
 * {@link #commit}, which computes the thread root of every message of the threads the batch
 * touches (the one ingesting process owns threading, as for the local index), moves a message
 * whose root changed to its new routing key (deleted under the old, added under the new), and
 * sends all of it with the list's cursor document in one update request that ends in a commit.
 * A run killed before that commit leaves no visible trace, and what it had sent is sent again,
 * under the same keys, by the next run: nothing is lost, nothing is doubled.
 */
final class SolrStore implements DocumentStore {

    private static final Logger LOG = LoggerFactory.getLogger(SolrStore.class);

    private final SolrCollection solr;
    private final Reindexing reindexing;
    private final Map<String, Document> adds = new LinkedHashMap<>();
    private final Set<String> deletes = new LinkedHashSet<>();
    /** Message-IDs parsed ahead of the ingester, to look up together when it asks. */
    private final Set<String> expected = ConcurrentHashMap.newKeySet();
    private final BatchedKnownIds.Lookups lookups = new BatchedKnownIds.Lookups();

    SolrStore(SolrCollection solr, Reindexing reindexing) {
        this.solr = solr;
        this.reindexing = reindexing;
    }

    @Override
    public Map<String, String> cursor(String list) throws IOException {
        return solr.cursor(list);
    }

    @Override
    public long nextSequence() throws IOException {
        return solr.nextSequence();
    }

    @Override
    public synchronized void put(String messageId, Document doc) {
        deletes.remove(messageId);
        adds.put(messageId, doc);
    }

    @Override
    public void add(Document doc) {
        put(doc.get(IndexFields.MID), doc);
    }

    /** Nothing is written before the commit: the batch is this store's own. */
    @Override
    public boolean flushNextBuffer() {
        return false;
    }

    @Override
    public synchronized void delete(String messageId) {
        adds.remove(messageId);
        deletes.add(messageId);
    }

    @Override
    public synchronized void rollback() {
        adds.clear();
        deletes.clear();
        expected.clear();
    }

    @Override
    public void refresh() {
        // what is not committed is read from this store's own batch
    }

    @Override
    public synchronized Optional<Document> storedDocument(String messageId) throws IOException {
        Document pending = adds.get(messageId);
        if (pending != null || deletes.contains(messageId)) {
            return Optional.ofNullable(pending);
        }
        return solr.message(messageId, "*").map(SolrDocuments::stored);
    }

    @Override
    public void expect(String messageId) {
        expected.add(messageId);
    }

    @Override
    public KnownIds knownIds() {
        return new BatchedKnownIds(solr, expected, lookups);
    }

    @Override
    public synchronized void commit(String list, Map<String, String> cursor, long nextSequence)
            throws IOException {
        UpdateRequest update = new UpdateRequest();
        if (!adds.isEmpty() || !deletes.isEmpty()) {
            route(update);
        }
        update.add(solr.cursorDocument(list, cursor, nextSequence));
        update.setAction(AbstractUpdateRequest.ACTION.COMMIT, true, true);
        solr.send(update);
        LOG.debug("committed {} messages; {} Message-IDs looked up in {} requests so far",
                adds.size(), lookups.ids, lookups.requests);
        adds.clear();
        deletes.clear();
    }

    /** Adds the batch to {@code update}, each message under its thread root's key. */
    private void route(UpdateRequest update) throws IOException {
        Set<String> touched = new HashSet<>(deletes);
        for (Map.Entry<String, Document> e : adds.entrySet()) {
            touched.add(e.getKey());
            touched.addAll(List.of(e.getValue().getValues(IndexFields.REFERENCE)));
        }
        // Every committed message of every thread the batch touches: the batch can only merge
        // or grow those threads, so their roots are all that can move.
        Map<String, List<ThreadMember>> committed = new HashMap<>();
        for (ThreadMember m : solr.threadsOf(touched)) {
            committed.computeIfAbsent(m.messageId(), k -> new ArrayList<>()).add(m);
        }
        List<ThreadMember> members = new ArrayList<>();
        for (List<ThreadMember> copies : committed.values()) {
            if (!adds.containsKey(copies.get(0).messageId())
                    && !deletes.contains(copies.get(0).messageId())) {
                members.add(copies.get(0));
            }
        }
        for (Map.Entry<String, Document> e : adds.entrySet()) {
            members.add(ThreadMember.of(e.getKey(), e.getValue()));
        }
        members.sort(Comparator.comparingLong(ThreadMember::sequence));
        ThreadGraph graph = new ThreadGraph();
        for (ThreadMember m : members) {
            graph.add(m.messageId(), m.references(), m.date(), m.sequence());
        }
        int moved = 0;
        for (ThreadMember m : members) {
            String root = graph.root(m.messageId()).orElse(m.messageId());
            String key = SolrFields.id(root, m.messageId());
            List<ThreadMember> copies = committed.getOrDefault(m.messageId(), List.of());
            Document pending = adds.get(m.messageId());
            boolean inPlace = copies.stream().anyMatch(c -> c.key().equals(key));
            if (pending != null || !inPlace) {
                Document doc = pending != null ? pending : rebuilt(m);
                if (doc == null) {
                    continue;
                }
                SolrInputDocument solrDoc = SolrDocuments.toSolr(doc);
                solrDoc.setField(SolrFields.ID, key);
                solrDoc.setField(SolrFields.THREAD, root);
                update.add(solrDoc);
                if (pending == null) {
                    moved++;
                }
            }
            for (ThreadMember copy : copies) {
                if (!copy.key().equals(key)) {
                    update.deleteById(copy.key());
                }
            }
        }
        for (String id : deletes) {
            for (ThreadMember copy : committed.getOrDefault(id, List.of())) {
                update.deleteById(copy.key());
            }
        }
        if (moved > 0) {
            LOG.info("{} messages moved to a new thread root", moved);
        }
    }

    private Document rebuilt(ThreadMember member) throws IOException {
        Optional<SolrDocument> stored = solr.byKey(member.key());
        if (stored.isEmpty()) {
            return null;
        }
        try {
            return reindexing.rebuild(SolrDocuments.stored(stored.get()));
        } catch (MalformedMailException e) {
            // it parsed when it was ingested; the parser must not have changed since
            throw new IOException("indexed message <" + member.messageId() + "> no longer parses: "
                    + e.getMessage(), e);
        }
    }

    /** What threading needs of one message, and where it is in the collection. */
    record ThreadMember(String key, String messageId, List<String> references, long date,
                        long sequence) {

        static ThreadMember of(String messageId, Document doc) {
            return new ThreadMember(null, messageId, List.of(doc.getValues(IndexFields.REFERENCE)),
                    number(doc.getField(IndexFields.DATE)), number(doc.getField(IndexFields.SEQUENCE)));
        }

        private static long number(IndexableField field) {
            return field == null || field.numericValue() == null ? 0
                    : field.numericValue().longValue();
        }
    }
}
