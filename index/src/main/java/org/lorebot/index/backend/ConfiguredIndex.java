package org.lorebot.index.backend;

import java.io.IOException;
import java.nio.file.Path;
import org.lorebot.config.IndexConfig;
import org.lorebot.index.MailIndex;
import org.lorebot.index.ingest.IngestOptions;
import org.lorebot.index.solr.SolrMailIndex;

/**
 * The index {@code [index]} configures. It lives above both backends so that neither
 * {@link MailIndex} nor the Solr package has to know the other.
 */
public final class ConfiguredIndex {

    private ConfiguredIndex() {
    }

    /**
     * Opens the local index in {@code dataDir} (created when absent), or connects to the Solr
     * collection, which must exist: {@code lorebot solr init} creates it.
     */
    public static MailIndex open(IndexConfig config, Path dataDir) throws IOException {
        return config.solr() ? SolrMailIndex.connect(config, IngestOptions.defaults())
                : MailIndex.open(dataDir);
    }
}
