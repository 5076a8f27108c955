package org.lorebot.index.peer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.lorebot.index.MailIndex;
import org.lorebot.index.backend.ConfiguredIndex;
import org.lorebot.index.solr.SolrTestCluster;

/**
 * Issue 11's "nothing is lost" on the Solr backend, whose ingest looks Message-IDs up in
 * batches: reused ids, cross-posts and true duplicates come out as on the local index.
 */
class SolrNothingIsLostTest extends NothingIsLostTest {

    private static final AtomicInteger COLLECTIONS = new AtomicInteger();

    @Override
    MailIndex open(Path tmp) throws IOException {
        return ConfiguredIndex.open(SolrTestCluster.collection("lost" + COLLECTIONS.incrementAndGet()),
                tmp.resolve("data"));
    }
}
