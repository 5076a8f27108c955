package org.lorebot.index.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
            Process child = IngestUntilKilled.start(tmp.resolve("unused").toString(),
                    inbox.toString(), Integer.toString(COMMIT_EVERY), killed.solrZk(),
                    killed.collection());
            assertEquals(killAfterCommits, IngestUntilKilled.waitForCommits(child, killAfterCommits),
                    "the child ran long enough to commit");
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            assertTrue(child.exitValue() != 0, "killed, not finished");
            int size = SolrTestCluster.documents(killed).size();
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
        assertEquals(SolrTestCluster.documents(straight), SolrTestCluster.documents(killed));
        try (SolrMailIndex a = SolrMailIndex.connect(straight, IngestOptions.defaults());
             SolrMailIndex b = SolrMailIndex.connect(killed, IngestOptions.defaults())) {
            assertEquals(a.cursor("lkml"), b.cursor("lkml"));
            for (String query : List.of("dfb:GFP_DMA", "s:PATCH", "b:dma")) {
                assertEquals(a.search(query, 0, 0), b.search(query, 0, 0), query);
            }
        }
    }
}
