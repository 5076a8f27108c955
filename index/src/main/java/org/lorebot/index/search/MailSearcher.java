package org.lorebot.index.search;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.QueryTimeoutImpl;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.lorebot.index.query.MailQueryParser;
import org.lorebot.index.query.QuerySyntaxException;
import org.lorebot.index.store.IndexFields;
import org.lorebot.index.store.MailStore;
import org.lorebot.index.thread.ThreadGraph;
import org.lorebot.index.thread.ThreadPosition;

/** Searches the index: queries in public-inbox's language, messages and threads by id. */
public final class MailSearcher {

    private static final Sort NEWEST_FIRST = new Sort(
            new SortField(IndexFields.DATE, SortField.Type.LONG, true),
            new SortField(IndexFields.SEQUENCE, SortField.Type.LONG, true));
    private static final Set<String> HIT_FIELDS = Set.of(IndexFields.MID,
            IndexFields.STORED_SUBJECT, IndexFields.STORED_FROM, IndexFields.DATE,
            IndexFields.LIST);
    private static final Set<String> RAW_FIELD = Set.of(IndexFields.RAW);

    /**
     * Ids of threads kept built between searches: a thread page or a page of 200 results then
     * reads the reference graph once per snapshot, not once per request. About 200 bytes an id.
     */
    private static final int CACHED_THREAD_IDS = 100_000;

    private final MailStore store;
    private final ThreadCache threadCache = new ThreadCache(CACHED_THREAD_IDS);

    public MailSearcher(MailStore store) {
        this.store = store;
    }

    /** How many messages the index holds. */
    public int size() throws IOException {
        IndexSearcher searcher = store.acquire();
        try {
            return searcher.getIndexReader().numDocs();
        } finally {
            store.release(searcher);
        }
    }

    /** The id of the thread (its root's Message-ID) holding a message; the id itself if absent. */
    public String threadRoot(String messageId) throws IOException {
        IndexSearcher searcher = store.acquire();
        try {
            return new Threads(searcher.getIndexReader(), threadCache).root(messageId);
        } finally {
            store.release(searcher);
        }
    }

    /**
     * Messages matching {@code query}, newest first.
     *
     * @param offset how many of the newest matches to skip
     * @param limit  how many to return at most; 0 for all
     */
    public SearchResults search(String query, int offset, int limit)
            throws QuerySyntaxException, IOException {
        try {
            return search(query, offset, limit, null);
        } catch (SearchLimitException e) {
            throw new IllegalStateException("a search without limits hit one", e);
        }
    }

    /**
     * Messages matching {@code query}, newest first, at most at the cost {@code limits} allow.
     *
     * @param limits the time and wildcard-expansion budget; null for none
     * @throws SearchLimitException when the query expands to too many terms or clauses, or
     *                              runs out of time
     */
    public SearchResults search(String query, int offset, int limit, SearchLimits limits)
            throws QuerySyntaxException, SearchLimitException, IOException {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative: "
                    + offset + ", " + limit);
        }
        Query parsed;
        try {
            parsed = MailQueryParser.parse(query);
        } catch (IndexSearcher.TooManyClauses e) {
            throw new SearchLimitException("the query has too many terms (at most "
                    + IndexSearcher.getMaxClauseCount() + "): search for fewer words");
        }
        IndexSearcher shared = store.acquire();
        try {
            IndexSearcher searcher = shared;
            if (limits != null) {
                checkExpansions(shared.getIndexReader(), parsed, limits.maxExpansions());
                // A searcher of its own: the timeout is per search, the shared one is not ours.
                searcher = new IndexSearcher(shared.getIndexReader());
                searcher.setQueryCache(null);
                searcher.setTimeout(new QueryTimeoutImpl(limits.timeout().toMillis()));
            }
            // One pass collects the newest matches and counts all of them (an exact total:
            // the hit threshold is never reached, so no match is skipped uncounted). Only a
            // caller wanting every match pays a count first, to size the queue.
            int wanted = limit == 0 ? searcher.count(parsed)
                    : (int) Math.min((long) offset + limit, searcher.getIndexReader().maxDoc());
            TopDocs top = searcher.search(parsed, new TopFieldCollectorManager(NEWEST_FIRST,
                    Math.max(1, wanted), null, Integer.MAX_VALUE, false));
            checkTime(searcher, limits);
            int total = Math.toIntExact(top.totalHits.value);
            int[] docs = new int[Math.max(0, top.scoreDocs.length - offset)];
            for (int i = 0; i < docs.length; i++) {
                docs[i] = top.scoreDocs[offset + i].doc;
            }
            return new SearchResults(total, hits(searcher, docs,
                    new Threads(searcher.getIndexReader(), threadCache)));
        } catch (IndexSearcher.TooManyClauses e) {
            throw new SearchLimitException("the query expands to too many terms (at most "
                    + IndexSearcher.getMaxClauseCount() + "): make it more specific");
        } finally {
            store.release(shared);
        }
    }

    private static void checkTime(IndexSearcher searcher, SearchLimits limits)
            throws SearchLimitException {
        if (limits != null && searcher.timedOut()) {
            throw new SearchLimitException("the search took longer than "
                    + limits.timeout().toMillis() + " ms and was stopped: make the query more"
                    + " specific (fewer wildcards, more words, a d: date range)");
        }
    }

    /** Refuses a query whose trailing-{@code *} words stand for more terms than allowed. */
    private static void checkExpansions(IndexReader reader, Query query, int max)
            throws IOException, SearchLimitException {
        List<MultiTermQuery> wildcards = new ArrayList<>();
        query.visit(new QueryVisitor() {
            @Override
            public void visitLeaf(Query leaf) {
                if (leaf instanceof MultiTermQuery multi) {
                    wildcards.add(multi);
                }
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return this;
            }
        });
        for (MultiTermQuery wildcard : wildcards) {
            Terms terms = MultiTerms.getTerms(reader, wildcard.getField());
            if (terms == null) {
                continue;
            }
            TermsEnum matching = wildcard.getTermsEnum(terms);
            int count = 0;
            while (matching.next() != null) {
                if (++count > max) {
                    String word = wildcard instanceof PrefixQuery prefix
                            ? prefix.getPrefix().text() + "*" : wildcard.toString();
                    throw new SearchLimitException("'" + word + "' matches more than " + max
                            + " different words: give more letters before the '*'");
                }
            }
        }
    }

    /** The names of the inboxes that have messages in the index, sorted. */
    public SortedSet<String> lists() throws IOException {
        SortedSet<String> names = new TreeSet<>();
        IndexSearcher searcher = store.acquire();
        try {
            Terms terms = MultiTerms.getTerms(searcher.getIndexReader(), IndexFields.LIST);
            if (terms != null) {
                TermsEnum each = terms.iterator();
                for (BytesRef name = each.next(); name != null; name = each.next()) {
                    names.add(name.utf8ToString());
                }
            }
        } finally {
            store.release(searcher);
        }
        return names;
    }


    /**
     * The stored document of one message (every stored field, including the raw message), by
     * Message-ID.
     */
    public Optional<Document> document(String messageId) throws IOException {
        return document(messageId, null);
    }

    private Optional<Document> document(String messageId, Set<String> fields) throws IOException {
        String id = bare(messageId);
        IndexSearcher searcher = store.acquire();
        try {
            Integer doc = docs(searcher.getIndexReader(), List.of(id)).get(id);
            if (doc == null) {
                return Optional.empty();
            }
            StoredFields stored = searcher.storedFields();
            return Optional.of(fields == null ? stored.document(doc) : stored.document(doc, fields));
        } finally {
            store.release(searcher);
        }
    }

    /**
     * The summaries of those of {@code messageIds} the index holds, by Message-ID: what a search
     * finding exactly them would return, without a query.
     */
    public Map<String, SearchHit> hits(Collection<String> messageIds) throws IOException {
        List<String> ids = new ArrayList<>(messageIds.size());
        for (String messageId : messageIds) {
            ids.add(bare(messageId));
        }
        IndexSearcher searcher = store.acquire();
        try {
            int[] docs = docs(searcher.getIndexReader(), ids).values().stream()
                    .mapToInt(Integer::intValue).toArray();
            Map<String, SearchHit> hits = new HashMap<>();
            for (SearchHit hit : hits(searcher, docs,
                    new Threads(searcher.getIndexReader(), threadCache))) {
                hits.put(hit.messageId(), hit);
            }
            return hits;
        } finally {
            store.release(searcher);
        }
    }

    /**
     * The raw bytes of those of {@code messageIds} the index holds, by Message-ID: found by term
     * lookups and read through one stored-fields reader in document order, the raw field alone.
     */
    public Map<String, byte[]> raw(Collection<String> messageIds) throws IOException {
        List<String> ids = new ArrayList<>(messageIds.size());
        for (String messageId : messageIds) {
            ids.add(bare(messageId));
        }
        IndexSearcher searcher = store.acquire();
        try {
            Map<String, Integer> docs = docs(searcher.getIndexReader(), ids);
            List<Map.Entry<String, Integer>> inOrder = new ArrayList<>(docs.entrySet());
            inOrder.sort(Map.Entry.comparingByValue());
            StoredFields stored = searcher.storedFields();
            Map<String, byte[]> raw = new HashMap<>();
            for (Map.Entry<String, Integer> doc : inOrder) {
                BytesRef bytes = stored.document(doc.getValue(), RAW_FIELD).getBinaryValue(IndexFields.RAW);
                raw.put(doc.getKey(), Arrays.copyOfRange(bytes.bytes, bytes.offset,
                        bytes.offset + bytes.length));
            }
            return raw;
        } finally {
            store.release(searcher);
        }
    }

    /**
     * The document of each id the index holds: the first live one in index order, as a search
     * for the id would find. Term lookups, no query: a page asks for dozens.
     */
    private static Map<String, Integer> docs(IndexReader reader, List<String> ids)
            throws IOException {
        Map<String, Integer> docs = new HashMap<>();
        for (LeafReaderContext leaf : reader.leaves()) {
            Terms terms = leaf.reader().terms(IndexFields.MID);
            if (terms == null) {
                continue;
            }
            TermsEnum each = terms.iterator();
            Bits live = leaf.reader().getLiveDocs();
            PostingsEnum postings = null;
            for (String id : ids) {
                if (docs.containsKey(id) || !each.seekExact(new BytesRef(id))) {
                    continue;
                }
                postings = each.postings(postings, PostingsEnum.NONE);
                for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS;
                        doc = postings.nextDoc()) {
                    if (live == null || live.get(doc)) {
                        docs.put(id, leaf.docBase + doc);
                        break;
                    }
                }
            }
        }
        return docs;
    }

    /** The thread holding a message (or ghost), found by any member's Message-ID. */
    public Optional<MessageThread> thread(String messageId) throws IOException {
        String id = bare(messageId);
        IndexSearcher searcher = store.acquire();
        try {
            Threads threads = new Threads(searcher.getIndexReader(), threadCache);
            ThreadGraph graph = threads.graph(id);
            Optional<List<ThreadPosition>> layout = graph.layout(id);
            Optional<String> root = graph.root(id);
            if (layout.isEmpty() || root.isEmpty()) {
                return Optional.empty();
            }
            List<BytesRef> ids = new ArrayList<>();
            for (ThreadPosition p : layout.get()) {
                if (!p.ghost()) {
                    ids.add(new BytesRef(p.messageId()));
                }
            }
            Map<String, SearchHit> hits = new HashMap<>();
            TopDocs top = searcher.search(new TermInSetQuery(IndexFields.MID, ids),
                    Math.max(1, ids.size()));
            int[] docs = new int[top.scoreDocs.length];
            for (int i = 0; i < docs.length; i++) {
                docs[i] = top.scoreDocs[i].doc;
            }
            for (SearchHit hit : hits(searcher, docs, threads)) {
                hits.put(hit.messageId(), hit);
            }
            List<ThreadEntry> entries = new ArrayList<>();
            for (ThreadPosition p : layout.get()) {
                entries.add(new ThreadEntry(p.messageId(), p.depth(),
                        Optional.ofNullable(hits.get(p.messageId()))));
            }
            return Optional.of(new MessageThread(root.get(), entries));
        } finally {
            store.release(searcher);
        }
    }

    /**
     * The summaries of documents, in the order given: read segment by segment in document order,
     * so each segment's columns are opened once and only ever move forward.
     */
    private List<SearchHit> hits(IndexSearcher searcher, int[] docs, Threads threads)
            throws IOException {
        Integer[] order = new Integer[docs.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt(i -> docs[i]));
        SearchHit[] hits = new SearchHit[docs.length];
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        Summaries leaf = null;
        for (int i : order) {
            int doc = docs[i];
            if (leaf == null || doc >= leaf.context.docBase + leaf.context.reader().maxDoc()) {
                leaf = new Summaries(leaves.get(ReaderUtil.subIndex(doc, leaves)));
            }
            hits[i] = leaf.hit(doc - leaf.context.docBase, threads);
            if (hits[i] == null) {
                hits[i] = hit(searcher.storedFields().document(doc, HIT_FIELDS), threads);
            }
        }
        return Arrays.asList(hits);
    }

    /** One segment's summary columns, read in increasing document order. */
    private static final class Summaries {
        final LeafReaderContext context;
        final SortedDocValues ids;
        final BinaryDocValues subjects;
        final BinaryDocValues froms;
        final NumericDocValues dates;
        final SortedDocValues lists;

        Summaries(LeafReaderContext context) throws IOException {
            this.context = context;
            LeafReader reader = context.reader();
            ids = reader.getSortedDocValues(IndexFields.MID);
            subjects = reader.getBinaryDocValues(IndexFields.STORED_SUBJECT);
            froms = reader.getBinaryDocValues(IndexFields.STORED_FROM);
            dates = reader.getNumericDocValues(IndexFields.DATE);
            lists = reader.getSortedDocValues(IndexFields.LIST);
        }

        /**
         * The summary of a document from doc values (cheap); null when its segment lacks them
         * (indexes written before the summaries had doc values): then stored fields answer.
         */
        SearchHit hit(int doc, Threads threads) throws IOException {
            if (ids == null || subjects == null || froms == null || dates == null || lists == null
                    || !ids.advanceExact(doc) || !subjects.advanceExact(doc)
                    || !froms.advanceExact(doc) || !dates.advanceExact(doc)
                    || !lists.advanceExact(doc)) {
                return null;
            }
            String id = ids.lookupOrd(ids.ordValue()).utf8ToString();
            return new SearchHit(id, subjects.binaryValue().utf8ToString(),
                    froms.binaryValue().utf8ToString(), Instant.ofEpochSecond(dates.longValue()),
                    threads.root(id), lists.lookupOrd(lists.ordValue()).utf8ToString());
        }
    }

    private SearchHit hit(Document doc, Threads threads) throws IOException {
        String id = doc.get(IndexFields.MID);
        return new SearchHit(id, doc.get(IndexFields.STORED_SUBJECT),
                doc.get(IndexFields.STORED_FROM),
                Instant.ofEpochSecond(doc.getField(IndexFields.DATE).numericValue().longValue()),
                threads.root(id), doc.get(IndexFields.LIST));
    }

    /** A Message-ID as lorebot keeps it: trimmed, without angle brackets. */
    public static String bare(String messageId) {
        String id = messageId.strip();
        if (id.startsWith("<") && id.endsWith(">") && id.length() >= 2) {
            id = id.substring(1, id.length() - 1).strip();
        }
        return id;
    }
}
