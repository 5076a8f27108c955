package org.lorebot.bot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lorebot.config.LorebotConfig;
import org.lorebot.index.MailIndex;
import org.lorebot.index.archive.GitArchiveSource;
import org.lorebot.index.fixture.LinuxMtdFixture;
import org.lorebot.index.fixture.TestDirectories;
import org.lorebot.index.ingest.IngestListener;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The real linux-mtd archive served: every query of {@code queries.txt} through
 * {@code /api/search} gives the Message-IDs the index gives {@code lorebot search}, and those
 * are the ones public-inbox 1.9.0 found. Skipped without {@code $LOREBOT_FIXTURES}.
 */
class LinuxMtdApiOracleTest {

    static MailIndex index;
    static WebServer server;

    @BeforeAll
    static void serve() throws Exception {
        Path repository = LinuxMtdFixture.repository();
        Path data = Files.createTempDirectory(TestDirectories.root(), "web-linux-mtd-");
        index = MailIndex.open(data);
        try (GitArchiveSource source = GitArchiveSource.epoch(repository)) {
            index.ingest("linux-mtd", source, IngestListener.NONE);
        }
        server = WebServer.start(index, LorebotConfig.defaults(data),
                new InetSocketAddress("127.0.0.1", 0), List.of());
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (index != null) {
            index.close();
        }
    }

    @Test
    void everyOracleQueryGivesTheSameMessagesAsSearchAndPublicInbox() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<String> mismatches = new ArrayList<>();
        List<String> queries = Files.readAllLines(LinuxMtdFixture.queries()).stream()
                .filter(q -> !q.isBlank()).toList();
        List<String> oracle = Files.readAllLines(LinuxMtdFixture.searchOracle());
        assertEquals(queries.size(), oracle.size());
        for (int i = 0; i < queries.size(); i++) {
            String query = queries.get(i);
            String[] fields = oracle.get(i).split("\t", -1);
            assertEquals(query, fields[0], "queries.txt and the oracle are in the same order");
            Set<String> expected = fields.length > 2 && !fields[2].isEmpty()
                    ? new TreeSet<>(List.of(fields[2].split(" "))) : Set.of();

            Set<String> cli = new TreeSet<>();
            index.search(query, 0, 0).hits().forEach(h -> cli.add(h.messageId()));

            String url = server.uri() + "api/search?q=" + PercentCoding.encode(query)
                    .replace("+", "%2B").replace("&", "%26") + "&list=linux-mtd&limit=0";
            var response = Http.get(url);
            assertEquals(200, response.statusCode(), query + ": " + Http.text(response));
            JsonNode answer = json.readTree(response.body());
            Set<String> web = new TreeSet<>();
            answer.get("results").forEach(r -> web.add(r.get("message_id").asText()));
            assertEquals(answer.get("total").asLong(), web.size(), query);

            if (!web.equals(cli)) {
                mismatches.add(query + ": /api/search " + web.size() + ", lorebot search " + cli.size());
            }
            if (!web.equals(expected)) {
                mismatches.add(query + ": /api/search " + web.size() + ", public-inbox " + expected.size());
            }
        }
        assertTrue(mismatches.isEmpty(), String.join("\n", mismatches));
    }
}
