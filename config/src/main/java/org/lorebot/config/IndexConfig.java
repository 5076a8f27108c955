package org.lorebot.config;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * The {@code [index]} section: where the archive's index lives.
 *
 * @param backend    {@code lucene} (the default: one index in the data directory) or {@code solr}
 * @param solrZk     the ZooKeeper hosts of a SolrCloud ({@code host:port,host:port[/chroot]}), or
 *                   empty
 * @param solrUrl    the base URL of any Solr node ({@code http://host:8983/solr}), or null
 * @param collection the Solr collection holding the archive
 * @param shards     how many shards {@code lorebot solr init} creates the collection with
 * @param replicas   how many copies of each shard it keeps
 */
public record IndexConfig(Backend backend, String solrZk, URI solrUrl, String collection,
                          int shards, int replicas) {

    /** The collection's name when none is configured. */
    public static final String DEFAULT_COLLECTION = "lorebot";

    /** Where the index lives. */
    public enum Backend {
        LUCENE, SOLR;

        /** The names the configuration accepts, in order. */
        static List<String> names() {
            return List.of("lucene", "solr");
        }
    }

    public IndexConfig {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(solrZk, "solrZk");
        Objects.requireNonNull(collection, "collection");
        if (shards < 1 || replicas < 1) {
            throw new IllegalArgumentException("shards and replicas must be at least 1");
        }
    }

    /** The local Lucene index in the data directory. */
    public static IndexConfig defaults() {
        return new IndexConfig(Backend.LUCENE, "", null, DEFAULT_COLLECTION, 1, 1);
    }

    /** A SolrCloud reached through its ZooKeeper ensemble. */
    public static IndexConfig solrCloud(String zkHosts, String collection, int shards,
                                        int replicas) {
        return new IndexConfig(Backend.SOLR, zkHosts, null, collection, shards, replicas);
    }

    /** A SolrCloud reached through one node's URL. */
    public static IndexConfig solrNode(URI url, String collection, int shards, int replicas) {
        return new IndexConfig(Backend.SOLR, "", url, collection, shards, replicas);
    }

    public boolean solr() {
        return backend == Backend.SOLR;
    }
}
