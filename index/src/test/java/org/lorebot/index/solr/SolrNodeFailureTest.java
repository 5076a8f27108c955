package org.lorebot.index.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.embedded.JettySolrRunner;
import org.junit.jupiter.api.Test;
import org.lorebot.config.IndexConfig;
import org.lorebot.index.archive.GitArchiveSource;
import org.lorebot.index.fixture.PublicInboxFixtures;
import org.lorebot.index.ingest.IngestListener;
import org.lorebot.index.ingest.IngestOptions;
import org.lorebot.index.search.SearchResults;

/**
 * One of the two Solr nodes stops while an ingest is under way: searches keep answering from the
 * replicas on the other node, and once the node is back the ingest, run again, ends with exactly
 * the documents (keys, threads, sequence numbers) and cursor of an ingest nothing interrupted.
 */
class SolrNodeFailureTest {

    private static final String QUERY = "s:PATCH OR s:Re";

    @Test
    void searchesAnswerFromReplicasAndIngestResumesToTheSameDocuments() throws Exception {
        MiniSolrCloudCluster cluster = SolrTestCluster.shared();
        IngestOptions smallBatches = IngestOptions.defaults().withCommitEvery(40);

        IndexConfig reference = SolrTestCluster.collection("uninterrupted");
        Map<String, String> expected;
        SearchResults expectedHits;
        Map<String, String> expectedCursor;
        try (SolrMailIndex index = SolrMailIndex.connect(reference, smallBatches)) {
            ingest(index, IngestListener.NONE);
            expected = SolrTestCluster.documents(reference);
            expectedHits = index.search(QUERY, 0, 0);
            expectedCursor = index.cursor("fixture");
        }
        assertEquals(PublicInboxFixtures.MESSAGES, expected.size());

        IndexConfig config = SolrTestCluster.collection("failover");
        JettySolrRunner stopped;
        List<Long> sizesWhileDown = new ArrayList<>();
        try (SolrMailIndex index = SolrMailIndex.connect(config, smallBatches)) {
            JettySolrRunner[] victim = new JettySolrRunner[1];
            IngestListener stopNodeAfterFirstCommit = new IngestListener() {
                @Override
                public void committed(Map<String, String> cursor) {
                    if (victim[0] == null) {
                        try {
                            victim[0] = cluster.stopJettySolrRunner(0);
                            cluster.waitForJettyToStop(victim[0]);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }
            };
            try {
                ingest(index, stopNodeAfterFirstCommit);
            } catch (IOException interrupted) {
                // a request that was on its way to the stopped node: the next run goes on
            }
            stopped = victim[0];
            assertTrue(stopped != null && !stopped.isRunning(), "a node was stopped mid-way");
            // Every shard still has a replica on the live node: searches answer, threads too.
            SearchResults whileDown = index.search(QUERY, 0, 0);
            sizesWhileDown.add(whileDown.total());
            assertFalse(whileDown.hits().isEmpty(), "searches answer while a node is down");
            String someMessage = whileDown.hits().get(0).messageId();
            assertTrue(index.thread(someMessage).isPresent(), "threads answer while a node is down");

            cluster.startJettySolrRunner(stopped);
            cluster.waitForNode(stopped, 60);
            cluster.waitForActiveCollection("failover", 60, TimeUnit.SECONDS, 2, 4);
            ingest(index, IngestListener.NONE);
            assertEquals(expected, SolrTestCluster.documents(config));
            assertEquals(expectedCursor, index.cursor("fixture"));
            assertEquals(expectedHits, index.search(QUERY, 0, 0));
        }
        assertTrue(sizesWhileDown.get(0) > 0);
    }

    private static void ingest(SolrMailIndex index, IngestListener listener) throws IOException {
        try (GitArchiveSource source = GitArchiveSource.v2Inbox(PublicInboxFixtures.v2())) {
            index.ingest("fixture", source, listener);
        }
    }
}
