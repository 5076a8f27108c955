package org.lorebot.index.store;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * Reads the threading records of one thread from an index snapshot, without reading any other
 * message: a thread is a connected component of the reference graph, and the index keeps both
 * directions of its edges as terms (a message's own id under {@link IndexFields#MID}, each id it
 * refers to under {@link IndexFields#REFERENCE}). The cost is that of the thread, not of the
 * archive. Not thread-safe: one per search.
 */
public final class ThreadRecords {

    private final List<Leaf> leaves = new ArrayList<>();

    public ThreadRecords(IndexReader reader) throws IOException {
        for (LeafReaderContext context : reader.leaves()) {
            leaves.add(new Leaf(context.reader()));
        }
    }

    /** Whether a message (not a ghost) with this id is in the snapshot. */
    public boolean contains(String messageId) throws IOException {
        BytesRef id = new BytesRef(messageId);
        for (Leaf leaf : leaves) {
            if (leaf.firstLive(leaf.ids, id) != DocIdSetIterator.NO_MORE_DOCS) {
                return true;
            }
        }
        return false;
    }

    /**
     * The records of every message in the thread of {@code messageId} (a message's id, or a ghost's:
     * an id only referred to), in ingest order; empty when the id is neither.
     */
    public List<ThreadingRecord> thread(String messageId) throws IOException {
        List<ThreadingRecord> records = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Deque<String> next = new ArrayDeque<>();
        seen.add(messageId);
        next.add(messageId);
        while (!next.isEmpty()) {
            BytesRef id = new BytesRef(next.poll());
            for (Leaf leaf : leaves) {
                int doc = leaf.firstLive(leaf.ids, id);
                if (doc != DocIdSetIterator.NO_MORE_DOCS) {
                    ThreadingRecord record = leaf.record(doc);
                    records.add(record);
                    for (String ref : record.references()) {
                        if (seen.add(ref)) {
                            next.add(ref);
                        }
                    }
                }
                for (String replier : leaf.referrers(id)) {
                    if (seen.add(replier)) {
                        next.add(replier);
                    }
                }
            }
        }
        records.sort((a, b) -> Long.compare(a.sequence(), b.sequence()));
        return records;
    }

    /** One segment's term dictionaries and columns. */
    private static final class Leaf {
        final LeafReader reader;
        final Bits live;
        final TermsEnum ids;
        final TermsEnum refs;

        Leaf(LeafReader reader) throws IOException {
            this.reader = reader;
            this.live = reader.getLiveDocs();
            this.ids = termsEnum(reader, IndexFields.MID);
            this.refs = termsEnum(reader, IndexFields.REFERENCE);
        }

        private static TermsEnum termsEnum(LeafReader reader, String field) throws IOException {
            Terms terms = reader.terms(field);
            return terms == null ? null : terms.iterator();
        }

        int firstLive(TermsEnum terms, BytesRef term) throws IOException {
            if (terms == null || !terms.seekExact(term)) {
                return DocIdSetIterator.NO_MORE_DOCS;
            }
            PostingsEnum postings = terms.postings(null, PostingsEnum.NONE);
            for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS;
                    doc = postings.nextDoc()) {
                if (live == null || live.get(doc)) {
                    return doc;
                }
            }
            return DocIdSetIterator.NO_MORE_DOCS;
        }

        /** The ids of the live messages here that refer to {@code id}. */
        List<String> referrers(BytesRef id) throws IOException {
            if (refs == null || !refs.seekExact(id)) {
                return List.of();
            }
            List<Integer> docs = new ArrayList<>();
            PostingsEnum postings = refs.postings(null, PostingsEnum.NONE);
            for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS;
                    doc = postings.nextDoc()) {
                if (live == null || live.get(doc)) {
                    docs.add(doc);
                }
            }
            List<String> found = new ArrayList<>(docs.size());
            SortedDocValues mids = reader.getSortedDocValues(IndexFields.MID);
            for (int doc : docs) {
                if (mids != null && mids.advanceExact(doc)) {
                    found.add(mids.lookupOrd(mids.ordValue()).utf8ToString());
                }
            }
            return found;
        }

        ThreadingRecord record(int doc) throws IOException {
            // Doc values only move forward: fresh iterators for each (random) read.
            SortedDocValues mids = reader.getSortedDocValues(IndexFields.MID);
            BinaryDocValues refText = reader.getBinaryDocValues(IndexFields.THREAD_REFS);
            NumericDocValues dates = reader.getNumericDocValues(IndexFields.DATE);
            NumericDocValues sequences = reader.getNumericDocValues(IndexFields.SEQUENCE);
            String id = mids.advanceExact(doc) ? mids.lookupOrd(mids.ordValue()).utf8ToString()
                    : "";
            String text = refText != null && refText.advanceExact(doc)
                    ? refText.binaryValue().utf8ToString() : "";
            long date = dates != null && dates.advanceExact(doc) ? dates.longValue() : 0;
            long sequence = sequences != null && sequences.advanceExact(doc)
                    ? sequences.longValue() : 0;
            List<String> references = text.isEmpty() ? List.of()
                    : List.of(text.split(IndexFields.REFS_SEPARATOR));
            return new ThreadingRecord(id, references, date, sequence);
        }
    }
}
