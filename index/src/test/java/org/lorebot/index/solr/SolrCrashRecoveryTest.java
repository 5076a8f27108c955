package org.lorebot.index.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.solr.common.SolrDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lorebot.config.IndexConfig;
import org.lorebot.index.archive.ArchiveSource;
import org.lorebot.index.archive.GitArchiveSource;
import org.lorebot.index.fixture.PublicInboxFixtures;
import org.lorebot.index.ingest.IngestListener;
import org.lorebot.index.ingest.IngestOptions;
import org.lorebot.index.ingest.IngestSummary;
import org.lorebot.index.ingest.IngestUntilKilled;
import org.lorebot.index.store.IndexFields;

/**
 * An ingest into the Solr collection killed with SIGKILL part-way (a real child JVM, three
 * times, while it is sending batches) and started again ends with exactly the documents and
 * cursor of an uninterrupted run: the cursor document is committed with the batch it ends.
 */
class SolrCrashRecoveryTest {

    private static final int COMMIT_EVERY = 15;

    @Test
    void killedRunsResumeToExactlyTheUninterruptedDocuments(@TempDir Path tmp) throws Exception {
        Path inbox = PublicInboxFixtures.v2();
        IndexConfig killed = SolrTestCluster.collection("killed");
        int committedBefore = 0;
        for (int killAfterCommits : new int[] {1, 2, 3}) {
            Process child = startChild(tmp, inbox, killed);
            assertEquals(killAfterCommits, waitForCommits(child, killAfterCommits),
                    "the child ran long enough to commit");
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            assertTrue(child.exitValue() != 0, "killed, not finished");
            int size = documents(killed).size();
            assertTrue(size > committedBefore && size < PublicInboxFixtures.MESSAGES,
                    "a partial collection after the kill: " + size);
            committedBefore = size;
        }
        IngestSummary rest;
        try (SolrMailIndex index = SolrMailIndex.connect(killed, IngestOptions.defaults());
             ArchiveSource source = GitArchiveSource.v2Inbox(inbox)) {
            rest = index.ingest("lkml", source, IngestListener.NONE);
        }
        assertEquals(PublicInboxFixtures.MESSAGES - committedBefore, rest.read(),
                "the last run reads exactly what was not committed");
        assertEquals(0, rest.duplicates());

        IndexConfig straight = SolrTestCluster.collection("straight");
        try (SolrMailIndex index = SolrMailIndex.connect(straight, IngestOptions.defaults());
             ArchiveSource source = GitArchiveSource.v2Inbox(inbox)) {
            index.ingest("lkml", source, IngestListener.NONE);
        }
        assertEquals(documents(straight), documents(killed));
        try (SolrMailIndex a = SolrMailIndex.connect(straight, IngestOptions.defaults());
             SolrMailIndex b = SolrMailIndex.connect(killed, IngestOptions.defaults())) {
            assertEquals(a.cursor("lkml"), b.cursor("lkml"));
            for (String query : List.of("dfb:GFP_DMA", "s:PATCH", "b:dma")) {
                assertEquals(a.search(query, 0, 0), b.search(query, 0, 0), query);
            }
        }
    }

    /** Every message's key, thread and sequence number, by Message-ID; each stored once. */
    private static Map<String, String> documents(IndexConfig config) throws IOException {
        try (SolrCollection solr = new SolrCollection(SolrClusters.client(config),
                config.collection())) {
            Map<String, String> docs = new TreeMap<>();
            for (SolrDocument d : solr.all(SolrCollection.MESSAGES, "id,mid,thread,seq")) {
                String before = docs.put((String) d.getFirstValue(IndexFields.MID),
                        d.getFirstValue(SolrFields.ID) + " " + d.getFirstValue(SolrFields.THREAD)
                                + " " + d.getFirstValue(IndexFields.SEQUENCE));
                assertEquals(null, before, "stored once: " + d);
            }
            return docs;
        }
    }

    private static Process startChild(Path tmp, Path inbox, IndexConfig solr) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                IngestUntilKilled.class.getName(), tmp.resolve("unused").toString(),
                inbox.toString(), Integer.toString(COMMIT_EVERY), solr.solrZk(), solr.collection()))
                .redirectErrorStream(true).start();
    }

    /** Reads the child's output until it reported {@code commits} commits. */
    private static int waitForCommits(Process child, int commits) throws IOException {
        BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        int seen = 0;
        String line;
        while (seen < commits && (line = out.readLine()) != null) {
            assertFalse(line.equals("finished"), "the child finished before it could be killed");
            if (line.startsWith("committed ")) {
                seen++;
            }
        }
        return seen;
    }
}
