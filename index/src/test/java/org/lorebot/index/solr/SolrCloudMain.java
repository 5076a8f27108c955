package org.lorebot.index.solr;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.apache.solr.cloud.MiniSolrCloudCluster;

/**
 * A 2-node SolrCloud with lorebot's plugin, as a process of its own: prints
 * {@code zk HOST:PORT} once it is up, and shuts down when its standard input closes (the
 * parent ended, even by kill -9). See {@link org.lorebot.index.fixture.ChildSolrCloud}.
 */
public final class SolrCloudMain {

    private SolrCloudMain() {
    }

    public static void main(String[] args) throws Exception {
        MiniSolrCloudCluster cluster = new MiniSolrCloudCluster.Builder(SolrTestCluster.NODES,
                Path.of(args[0])).build();
        System.out.println("zk " + cluster.getZkServer().getZkAddress());
        System.out.flush();
        try (InputStream in = System.in) {
            while (in.read() >= 0) {
                // nothing is sent; end of input is the signal
            }
        } catch (IOException e) {
            // the parent is gone
        }
        cluster.shutdown();
        System.exit(0);
    }
}
