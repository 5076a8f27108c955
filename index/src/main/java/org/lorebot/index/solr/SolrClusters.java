package org.lorebot.index.solr;

import org.apache.solr.client.solrj.SolrClient;
import org.lorebot.config.IndexConfig;

/** The SolrJ client for an {@code [index]} configuration. */
final class SolrClusters {

    private SolrClusters() {
    }

    /**
     * Through ZooKeeper ({@code solr-zk}): the cluster's own view of live nodes and leaders, so
     * a node going down is routed around. Through one node ({@code solr-url}): that node
     * forwards what belongs elsewhere, and must stay up.
     */
    static SolrClient client(IndexConfig config) {
        if (!config.solrZk().isEmpty()) {
            return new JdkCloudSolrClient(config.solrZk());
        }
        return SolrNodeClient.connect(config.solrUrl().toString());
    }

    static String describe(IndexConfig config) {
        return config.solrZk().isEmpty() ? config.solrUrl().toString()
                : "ZooKeeper " + config.solrZk();
    }
}
