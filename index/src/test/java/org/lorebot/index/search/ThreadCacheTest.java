package org.lorebot.index.search;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;
import org.lorebot.index.thread.ThreadGraph;

/** The cache of built threads answers only for the snapshot it was filled from, within its bound. */
class ThreadCacheTest {

    @Test
    void aGraphIsKeptForItsSnapshotOnly() throws IOException {
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
             IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig())) {
            add(writer, "a@x");
            try (DirectoryReader before = DirectoryReader.open(writer)) {
                ThreadCache cache = new ThreadCache(100);
                ThreadGraph graph = new ThreadGraph();
                graph.add("a@x", List.of(), 0, 0);
                cache.put(before, graph, Set.of("a@x"));
                assertSame(graph, cache.get(before, "a@x"));
                assertNull(cache.get(before, "b@x"));

                add(writer, "b@x");
                try (DirectoryReader after = DirectoryReader.openIfChanged(before, writer)) {
                    assertNull(cache.get(after, "a@x"), "a new snapshot starts empty");
                    cache.put(after, new ThreadGraph(), Set.of("b@x"));
                    assertNull(cache.get(before, "a@x"), "the old snapshot's graphs are dropped");
                }
            }
        }
    }

    @Test
    void itNeverHoldsMoreIdsThanItsBound() throws IOException {
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
             IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig())) {
            add(writer, "a@x");
            try (DirectoryReader reader = DirectoryReader.open(writer)) {
                ThreadCache cache = new ThreadCache(10);
                for (int thread = 0; thread < 20; thread++) {
                    List<String> ids = new ArrayList<>();
                    for (int i = 0; i < 3; i++) {
                        ids.add(thread + "." + i + "@x");
                    }
                    ThreadGraph graph = new ThreadGraph();
                    cache.put(reader, graph, ids);
                    assertTrue(cache.size() <= 10, "holds " + cache.size());
                    assertSame(graph, cache.get(reader, ids.get(0)), "the newest graph is kept");
                }
                cache.put(reader, new ThreadGraph(), List.of("1", "2", "3", "4", "5", "6", "7",
                        "8", "9", "10", "11"));
                assertNull(cache.get(reader, "1"), "a thread larger than the bound is not kept");
            }
        }
    }

    private static void add(IndexWriter writer, String id) throws IOException {
        Document doc = new Document();
        doc.add(new StringField("mid", id, Field.Store.NO));
        writer.addDocument(doc);
    }
}
