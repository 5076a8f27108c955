package org.lorebot.index.solr;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;
import org.apache.solr.common.SolrException;
import org.lorebot.config.IndexConfig;

/**
 * Creates lorebot's collection on a SolrCloud: uploads the configset (lorebot's
 * {@code solrconfig.xml} and the schema written from its field list) and creates the collection
 * with the configured shards and replicas and the compositeId router, which places every
 * message on the shard of its thread's root. The nodes must already have lorebot's plugin jar.
 */
public final class SolrSetup {

    private static final String RESOURCES = "/org/lorebot/index/solr/configset/";

    private SolrSetup() {
    }

    /**
     * Writes the configset into the directory named by the one argument: the build puts it into
     * the plugin jar, for an admin who uploads it with Solr's own tools.
     */
    public static void main(String[] args) throws IOException {
        writeConfigset(Path.of(args[0]));
    }

    /** The configset's files, as {@code lorebot solr init} uploads them, written into {@code dir}. */
    public static void writeConfigset(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.write(dir.resolve("solrconfig.xml"), solrconfig());
        Files.writeString(dir.resolve("schema.xml"), SolrSchema.xml());
    }

    /**
     * Uploads the configset (named after the collection, replacing an older one) and creates the
     * collection; a collection that already exists is left as it is.
     *
     * @return true when the collection was created, false when it existed
     * @throws IOException naming the cluster when it cannot be reached or refuses
     */
    public static boolean init(IndexConfig config) throws IOException {
        try (SolrClient client = SolrClusters.client(config)) {
            String name = config.collection();
            Path zip = Files.createTempFile("lorebot-configset", ".zip");
            try {
                Files.write(zip, configsetZip());
                new ConfigSetAdminRequest.Upload().setConfigSetName(name)
                        .setUploadFile(zip.toFile(), "application/zip").setOverwrite(true)
                        .setCleanup(true).process(client);
            } finally {
                Files.deleteIfExists(zip);
            }
            if (CollectionAdminRequest.listCollections(client).contains(name)) {
                return false;
            }
            CollectionAdminRequest.createCollection(name, name, config.shards(), config.replicas())
                    .setRouterName("compositeId").process(client);
            return true;
        } catch (SolrServerException | SolrException | IllegalStateException | IOException e) {
            throw new IOException("Solr at " + SolrClusters.describe(config) + ": "
                    + SolrMailIndex.rootMessage(e), e);
        }
    }

    private static byte[] solrconfig() throws IOException {
        try (InputStream in = SolrSetup.class.getResourceAsStream(RESOURCES + "solrconfig.xml")) {
            if (in == null) {
                throw new IOException("solrconfig.xml is missing from lorebot's jar");
            }
            return in.readAllBytes();
        }
    }

    private static byte[] configsetZip() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("solrconfig.xml"));
            zip.write(solrconfig());
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("schema.xml"));
            zip.write(SolrSchema.xml().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
