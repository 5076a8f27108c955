package org.lorebot.index.solr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.lorebot.index.MailIndex;
import org.lorebot.index.archive.GitArchiveSource;
import org.lorebot.index.fixture.LinuxMtdFixture;
import org.lorebot.index.ingest.IngestListener;
import org.lorebot.index.ingest.IngestOptions;
import org.lorebot.index.ingest.IngestSummary;
import org.lorebot.index.search.LinuxMtdOracleTest;

/**
 * The linux-mtd oracle on the Solr backend: the real archive ingested into a collection of 2
 * shards with 2 replicas each on a 2-node SolrCloud, then every assertion the local index
 * passes (public-inbox's Message-IDs for every query of {@code queries.txt}, public-inbox's
 * threads, the ingest counts).
 */
class SolrLinuxMtdOracleTest extends LinuxMtdOracleTest {

    private static SolrMailIndex index;
    private static IngestSummary summary;

    private static synchronized void ingestOnce() {
        Path repository = LinuxMtdFixture.repository();
        if (index != null) {
            return;
        }
        try {
            index = SolrMailIndex.connect(SolrTestCluster.collection("linux-mtd-oracle"),
                    IngestOptions.defaults());
            try (GitArchiveSource source = GitArchiveSource.epoch(repository)) {
                summary = index.ingest("linux-mtd", source, IngestListener.NONE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void close() throws IOException {
        if (index != null) {
            index.close();
        }
    }

    @Override
    protected MailIndex index() {
        ingestOnce();
        return index;
    }

    @Override
    protected IngestSummary summary() {
        ingestOnce();
        return summary;
    }
}
