package org.lorebot.index.solr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.solr.common.SolrDocument;
import org.lorebot.index.store.IndexFields;
import org.lorebot.index.store.KnownIds;

/**
 * Which Message-IDs the collection held at its last commit, looked up in batches: a question
 * about an id not answered yet is sent with every id the ingester said it would ask about
 * (parsed ahead of it), in one terms query, instead of one request per message. The answers
 * hold until the next commit, when the ingester takes a new snapshot: the collection changes
 * only by this process's commits, so between two of them they are what a query would say.
 */
final class BatchedKnownIds implements KnownIds {

    /** Ids per request at most: a bounded request body (Message-IDs are short). */
    static final int MAX_BATCH = 1_000;

    private final SolrCollection solr;
    private final Set<String> expected;
    private final Map<String, Boolean> answers = new HashMap<>();
    private final Lookups lookups;

    /** Counts the requests made, for the log line of a commit. */
    static final class Lookups {
        long requests;
        long ids;
    }

    /**
     * @param expected ids the ingester will ask about (added by its parser threads); those this
     *                 snapshot looks up are taken out
     */
    BatchedKnownIds(SolrCollection solr, Set<String> expected, Lookups lookups) {
        this.solr = solr;
        this.expected = expected;
        this.lookups = lookups;
    }

    @Override
    public boolean contains(String messageId) throws IOException {
        Boolean known = answers.get(messageId);
        if (known == null) {
            lookUp(messageId);
            known = answers.get(messageId);
        }
        return known;
    }

    private void lookUp(String messageId) throws IOException {
        List<String> batch = new ArrayList<>();
        batch.add(messageId);
        expected.remove(messageId);
        for (Iterator<String> it = expected.iterator(); it.hasNext() && batch.size() < MAX_BATCH; ) {
            String id = it.next();
            it.remove();
            if (!answers.containsKey(id)) {
                batch.add(id);
            }
        }
        for (String id : batch) {
            answers.put(id, false);
        }
        for (SolrDocument doc : solr.byMessageIds(batch, IndexFields.MID)) {
            answers.put((String) doc.getFirstValue(IndexFields.MID), true);
        }
        synchronized (lookups) {
            lookups.requests++;
            lookups.ids += batch.size();
        }
    }

    /** Asked only of a known id (a cross-post or a reused id): rare, one request each. */
    @Override
    public Optional<Document> storedDocument(String messageId) throws IOException {
        return solr.message(messageId, "*").map(SolrDocuments::stored);
    }

    @Override
    public void close() {
    }
}
