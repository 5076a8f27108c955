package org.lorebot.index.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.solr.common.SolrDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lorebot.config.IndexConfig;
import org.lorebot.index.archive.ArchiveSources;
import org.lorebot.index.archive.ArchiveSource;
import org.lorebot.index.fixture.TestDirectories;
import org.lorebot.index.ingest.IngestListener;
import org.lorebot.index.ingest.IngestOptions;
import org.lorebot.index.search.MessageThread;
import org.lorebot.index.store.IndexFields;

/**
 * Threads on the Solr backend: the ingesting process stores each message's thread root and
 * routes the message by it; a late message that merges two threads moves the messages whose
 * root changed (deleted under the old key, added under the new), so each thread still lives
 * whole on one shard and every message is there once.
 */
class SolrThreadRoutingTest {

    private static IndexConfig config;
    private static SolrMailIndex index;
    private static Path dir;

    @BeforeAll
    static void connect() throws Exception {
        config = SolrTestCluster.collection("routing");
        index = SolrMailIndex.connect(config, IngestOptions.defaults());
        dir = Files.createTempDirectory(TestDirectories.root(), "routing-");
    }

    @AfterAll
    static void close() throws Exception {
        index.close();
    }

    private static String mail(String id, String date, String subject, String... refs) {
        StringBuilder m = new StringBuilder("From lorebot@example.org Thu Jan  1 00:00:00 2024\n");
        m.append("From: A U Thor <author@example.org>\n");
        m.append("Subject: ").append(subject).append('\n');
        m.append("Date: ").append(date).append('\n');
        m.append("Message-ID: <").append(id).append(">\n");
        if (refs.length > 0) {
            m.append("References:");
            for (String r : refs) {
                m.append(" <").append(r).append('>');
            }
            m.append("\nIn-Reply-To: <").append(refs[refs.length - 1]).append(">\n");
        }
        m.append("\nbody of ").append(id).append("\n\n");
        return m.toString();
    }

    private static void ingest(String name, String... mails) throws Exception {
        Path mbox = dir.resolve(name + ".mbox");
        Files.writeString(mbox, String.join("", mails), StandardCharsets.UTF_8);
        try (ArchiveSource source = ArchiveSources.open(mbox)) {
            index.ingest("lkml", source, IngestListener.NONE);
        }
    }

    private static Map<String, SolrDocument> stored() throws Exception {
        SolrCollection solr = new SolrCollection(SolrClusters.client(config), "routing");
        try (solr) {
            Map<String, SolrDocument> byId = new java.util.TreeMap<>();
            for (SolrDocument d : solr.all(SolrCollection.MESSAGES, "id,mid,thread,[shard]")) {
                assertEquals(null, byId.put((String) d.getFirstValue(IndexFields.MID), d),
                        "stored once: " + d);
            }
            return byId;
        }
    }

    @Test
    void lateMessageMergingTwoThreadsMovesTheMessagesWhoseRootChanged() throws Exception {
        ingest("first",
                mail("b@x", "Mon, 1 Jan 2024 10:00:00 +0000", "Re: one", "a@x"),
                mail("c@x", "Mon, 1 Jan 2024 11:00:00 +0000", "Re: one", "a@x", "b@x"),
                mail("d@x", "Mon, 1 Jan 2024 12:00:00 +0000", "two"),
                mail("e@x", "Mon, 1 Jan 2024 13:00:00 +0000", "Re: two", "d@x"));
        assertEquals("a@x", index.thread("c@x").orElseThrow().root(), "a ghost root");
        assertEquals("d@x", index.thread("e@x").orElseThrow().root());
        Map<String, SolrDocument> before = stored();
        assertEquals("d@x", before.get("e@x").getFirstValue(SolrFields.THREAD));

        // a@x arrives late: b@x and c@x referred to it, and it replies to d@x, so both threads
        // become one under d@x.
        ingest("second",
                mail("a@x", "Mon, 1 Jan 2024 09:00:00 +0000", "Re: two", "d@x"));
        MessageThread merged = index.thread("e@x").orElseThrow();
        assertEquals(index.thread("b@x").orElseThrow(), merged);
        assertEquals("d@x", merged.root());
        Map<String, SolrDocument> after = stored();
        assertEquals(List.of("a@x", "b@x", "c@x", "d@x", "e@x"), List.copyOf(after.keySet()));
        for (SolrDocument d : after.values()) {
            assertEquals("d@x", d.getFirstValue(SolrFields.THREAD), d.toString());
            assertEquals(SolrFields.id("d@x", (String) d.getFirstValue(IndexFields.MID)),
                    d.getFirstValue(SolrFields.ID));
            assertEquals(after.get("d@x").getFirstValue("[shard]"), d.getFirstValue("[shard]"),
                    "the whole thread on one shard");
        }
        assertEquals(5, index.size());
        assertEquals("d@x", index.search("m:c@x", 0, 0).hits().get(0).thread(),
                "search results carry the moved root");

        // Through one node's URL (solr-url) instead of ZooKeeper: that node forwards.
        java.net.URI node = java.net.URI.create(SolrTestCluster.shared().getJettySolrRunner(1)
                .getBaseUrl().toString());
        try (SolrMailIndex viaUrl = SolrMailIndex.connect(
                IndexConfig.solrNode(node, "routing", 2, 2), IngestOptions.defaults())) {
            assertEquals(merged, viaUrl.thread("a@x").orElseThrow());
            assertEquals(index.search("s:two", 0, 0), viaUrl.search("s:two", 0, 0));
        }
    }
}
