package org.lorebot.bot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lorebot solr init} where no SolrCloud answers, or none is configured. */
class SolrCommandTest {

    @TempDir
    Path dir;

    private Path config(String text) throws IOException {
        Path file = dir.resolve("lorebot.conf");
        Files.writeString(file, text);
        return file;
    }

    /** A local port nothing listens on: bound, then released. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void solrAndInitHaveHelp() {
        CommandRun run = CommandRun.lorebot("solr", "init", "--help");
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.out().startsWith("Usage: lorebot solr init"), run.toString());
        assertTrue(run.out().contains("--config=FILE"), run.toString());
        assertEquals(0, CommandRun.lorebot("solr", "--help").exit());
        assertEquals(2, CommandRun.lorebot("solr").exit(), "no subcommand is a usage error");
    }

    @Test
    void unreachableSolrIsAnInputErrorNamingIt() throws Exception {
        String url = "http://127.0.0.1:" + closedPort() + "/solr";
        Path conf = config("[index]\n    backend = solr\n    solr-url = " + url + "\n");
        CommandRun run = CommandRun.lorebot("solr", "init", "--config", conf.toString());
        assertEquals(2, run.exit(), run.toString());
        assertTrue(run.err().startsWith("lorebot: Solr at " + url + ": "), run.toString());
        assertEquals(1, run.err().strip().split("\n").length, "one line: " + run);
    }

    @Test
    void initWithoutTheSolrBackendSaysWhatToSet() throws Exception {
        Path conf = config("[core]\n    data = d\n");
        CommandRun run = CommandRun.lorebot("solr", "init", "--config", conf.toString());
        assertEquals(2, run.exit(), run.toString());
        assertTrue(run.err().contains("set backend = solr"), run.toString());
    }

    @Test
    void searchOnAnUnreachableSolrIsAnInputError() throws Exception {
        String url = "http://127.0.0.1:" + closedPort() + "/solr";
        Path conf = config("[index]\n    backend = solr\n    solr-url = " + url + "\n");
        CommandRun run = CommandRun.lorebot("search", "--config", conf.toString(), "s:PATCH");
        assertEquals(2, run.exit(), run.toString());
        assertTrue(run.err().contains("cannot use Solr collection lorebot at " + url), run.toString());
    }
}
