package org.lorebot.index.solr;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.impl.ClusterStateProvider;
import org.apache.solr.client.solrj.impl.LBSolrClient;
import org.apache.solr.client.solrj.impl.ZkClientClusterStateProvider;

/**
 * A SolrCloud client that reads the cluster's state from ZooKeeper (live nodes, shard leaders,
 * replicas) and talks to the nodes over the JDK's HTTP client: updates go to the leader of the
 * document's shard, queries to any live replica, and a node that goes down is routed around.
 * SolrJ 9's own cloud client needs Jetty 10 (see {@link JdkLbSolrClient}).
 */
final class JdkCloudSolrClient extends CloudSolrClient {

    private final ClusterStateProvider state;
    private final JdkLbSolrClient balancer = new JdkLbSolrClient();

    /** @param zkHosts {@code host:port,host:port[/chroot]} */
    JdkCloudSolrClient(String zkHosts) {
        super(true, true, false);
        int slash = zkHosts.indexOf('/');
        List<String> hosts = List.of((slash < 0 ? zkHosts : zkHosts.substring(0, slash)).split(","));
        Optional<String> chroot = slash < 0 ? Optional.empty() : Optional.of(zkHosts.substring(slash));
        this.state = new ZkClientClusterStateProvider(hosts, chroot.orElse(null), false);
    }

    @Override
    protected LBSolrClient getLbClient() {
        return balancer;
    }

    @Override
    public ClusterStateProvider getClusterStateProvider() {
        return state;
    }

    @Override
    public void close() throws IOException {
        try {
            super.close();
        } finally {
            balancer.close();
            state.close();
        }
    }
}
