package org.lorebot.index.solr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.common.SolrDocument;
import org.lorebot.config.IndexConfig;
import org.lorebot.index.fixture.TestDirectories;
import org.lorebot.index.store.IndexFields;

/**
 * A real SolrCloud in the test JVM, started once and shared by the test classes (a cluster costs
 * seconds to start): two nodes with an embedded ZooKeeper, lorebot's plugin classes on their
 * class path (the test class path), each test class creating its own collection of 2 shards
 * with 2 replicas each.
 */
public final class SolrTestCluster {

    public static final int NODES = 2;
    private static MiniSolrCloudCluster cluster;

    private SolrTestCluster() {
    }

    public static synchronized MiniSolrCloudCluster shared() {
        if (cluster == null) {
            try {
                Path dir = Files.createTempDirectory(TestDirectories.root(), "solrcloud-");
                cluster = new MiniSolrCloudCluster.Builder(NODES, dir).build();
                MiniSolrCloudCluster started = cluster;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.shutdown();
                    } catch (Exception e) {
                        // the JVM is ending anyway
                    }
                }));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the SolrCloud", e);
            }
        }
        return cluster;
    }

    /** A new collection of 2 shards, 2 replicas each, created as {@code lorebot solr init} does. */
    public static IndexConfig collection(String name) throws IOException {
        IndexConfig config = IndexConfig.solrCloud(shared().getZkServer().getZkAddress(), name, 2, 2);
        SolrSetup.init(config);
        return config;
    }

    /**
     * Every message document of a collection as its key, thread root and sequence number, by
     * Message-ID: what two ingests must agree on.
     *
     * @throws IllegalStateException when a Message-ID is stored twice
     */
    public static Map<String, String> documents(IndexConfig config) throws IOException {
        try (SolrCollection solr = new SolrCollection(SolrClusters.client(config),
                config.collection())) {
            Map<String, String> docs = new TreeMap<>();
            for (SolrDocument d : solr.all(SolrCollection.MESSAGES, "id,mid,thread,seq")) {
                String before = docs.put((String) d.getFirstValue(IndexFields.MID),
                        d.getFirstValue(SolrFields.ID) + " " + d.getFirstValue(SolrFields.THREAD)
                                + " " + d.getFirstValue(IndexFields.SEQUENCE));
                if (before != null) {
                    throw new IllegalStateException("stored twice: " + d);
                }
            }
            return docs;
        }
    }
}
