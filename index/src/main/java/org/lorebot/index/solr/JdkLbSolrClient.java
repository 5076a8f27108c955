package org.lorebot.index.solr;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.impl.LBSolrClient;

/**
 * SolrJ's load balancer (tries the next replica when one does not answer) over the JDK's HTTP
 * client: SolrJ's own balancer is built on Jetty 10, which cannot share a class path with the
 * Jetty 12 of {@code lorebot serve}.
 */
final class JdkLbSolrClient extends LBSolrClient {

    private final Map<String, SolrNodeClient> clients = new ConcurrentHashMap<>();

    JdkLbSolrClient() {
        super(List.of());
    }

    @Override
    protected SolrClient getClient(String url) {
        return clients.computeIfAbsent(url, SolrNodeClient::connect);
    }

    @Override
    protected SolrClient getClient(Endpoint endpoint) {
        return getClient(endpoint.getUrl());
    }

    @Override
    public void close() {
        super.close();
        for (SolrNodeClient client : clients.values()) {
            try {
                client.close();
            } catch (java.io.IOException e) {
                // closing an HTTP client releases memory only
            }
        }
    }
}
