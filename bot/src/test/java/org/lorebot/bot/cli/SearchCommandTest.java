package org.lorebot.bot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lorebot.index.fixture.PublicInboxFixtures;

import com.fasterxml.jackson.databind.JsonNode;

class SearchCommandTest {

    @TempDir
    static Path dir;

    private static String data;

    @BeforeAll
    static void ingestTheV2Fixture() {
        data = dir.resolve("data").toString();
        CommandRun run = CommandRun.lorebot("ingest", "--data", data, "--list", "lkml",
                PublicInboxFixtures.v2().toString());
        assertEquals(0, run.exit(), run.toString());
    }

    @Test
    void jsonGivesOneObjectPerHitWithEveryField() throws Exception {
        // public-inbox's own search finds 5 messages adding GFP_DMA in this inbox
        CommandRun run = CommandRun.lorebot("search", "--data", data, "--json", "dfb:GFP_DMA");
        assertEquals(0, run.exit(), run.toString());
        List<JsonNode> hits = run.jsonLines();
        assertEquals(5, hits.size(), run.toString());
        Instant previous = Instant.MAX;
        for (JsonNode hit : hits) {
            String id = hit.get("message_id").asText();
            assertFalse(id.isEmpty() || id.contains("<") || id.contains(">"), id);
            assertTrue(hit.get("subject").asText().contains("PATCH"), hit.toString());
            assertTrue(hit.get("from").asText().matches(".+ <.+@.+>"), hit.toString());
            Instant date = Instant.parse(hit.get("date").asText());
            assertFalse(date.isAfter(previous), "newest first: " + run);
            previous = date;
            assertFalse(hit.get("thread").asText().isEmpty(), hit.toString());
            assertEquals("lkml", hit.get("list").asText());
        }
    }

    @Test
    void threadFieldIsTheRootOfTheThread() throws Exception {
        CommandRun run = CommandRun.lorebot("search", "--data", data, "--json", "--limit", "0",
                "m:" + PublicInboxFixtures.FIRST_MESSAGE_ID);
        List<JsonNode> hits = run.jsonLines();
        assertEquals(1, hits.size(), run.toString());
        String root = hits.get(0).get("thread").asText();
        CommandRun thread = CommandRun.lorebot("thread", "--data", data, "--json", root);
        JsonNode first = thread.jsonLines().get(0);
        assertEquals(root, first.get("message_id").asText());
        assertEquals(0, first.get("depth").asInt());
    }

    @Test
    void textShowsDateSenderSubjectAndMessageIdPerLine() throws Exception {
        CommandRun run = CommandRun.lorebot("search", "--data", data, "dfb:GFP_DMA");
        assertEquals(0, run.exit(), run.toString());
        List<JsonNode> hits = CommandRun.lorebot("search", "--data", data, "--json", "dfb:GFP_DMA").jsonLines();
        assertEquals(hits.size(), run.outLines().size(), run.toString());
        for (int i = 0; i < hits.size(); i++) {
            String line = run.outLines().get(i);
            JsonNode hit = hits.get(i);
            assertTrue(line.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d  .*"), line);
            assertTrue(line.startsWith(hit.get("date").asText().substring(0, 10)), line);
            assertTrue(line.contains(HitFormatter.senderName(hit.get("from").asText())), line);
            assertTrue(line.contains(hit.get("subject").asText()), line);
            assertTrue(line.endsWith("<" + hit.get("message_id").asText() + ">"), line);
        }
    }

    @Test
    void wordsAreJoinedIntoOneQuery() throws Exception {
        List<JsonNode> joined = CommandRun.lorebot("search", "--data", data, "--json", "--limit", "0",
                "dfb:GFP_DMA", "AND", "s:PATCH").jsonLines();
        List<JsonNode> quoted = CommandRun.lorebot("search", "--data", data, "--json", "--limit", "0",
                "dfb:GFP_DMA AND s:PATCH").jsonLines();
        assertEquals(quoted, joined);
        assertFalse(joined.isEmpty());
    }

    @Test
    void limitDefaultsToTwentyAndZeroMeansAll() {
        CommandRun byDefault = CommandRun.lorebot("search", "--data", data, "l:lkml");
        assertEquals(20, byDefault.outLines().size(), byDefault.toString());
        assertEquals("20 of 200 matches shown (--limit 0 shows all)\n", byDefault.err());

        CommandRun all = CommandRun.lorebot("search", "--data", data, "--limit", "0", "l:lkml");
        assertEquals(200, all.outLines().size());
        assertEquals("", all.err());

        CommandRun two = CommandRun.lorebot("search", "--data", data, "--json", "--limit", "2", "l:lkml");
        assertEquals(2, two.outLines().size());
    }

    @Test
    void noMatchIsNotAnError() {
        CommandRun run = CommandRun.lorebot("search", "--data", data, "s:nosuchwordanywhere");
        assertEquals(0, run.exit(), run.toString());
        assertEquals("", run.out());
        assertEquals("no matches\n", run.err());
    }

    @Test
    void badQueryExitsTwoSayingWhatIsWrong() {
        CommandRun run = CommandRun.lorebot("search", "--data", data, "d:notadate");
        assertEquals(Lorebot.EXIT_USAGE, run.exit(), run.toString());
        assertTrue(run.err().startsWith("lorebot: bad query: "), run.toString());
        assertTrue(run.err().contains("notadate"), run.toString());
        assertEquals("", run.out());

        CommandRun unclosed = CommandRun.lorebot("search", "--data", data, "s:(foo");
        assertEquals(Lorebot.EXIT_USAGE, unclosed.exit(), unclosed.toString());
        assertTrue(unclosed.err().startsWith("lorebot: bad query: "), unclosed.toString());
    }

    @Test
    void negativeLimitAndMissingQueryAreUsageErrors() {
        CommandRun negative = CommandRun.lorebot("search", "--data", data, "--limit", "-1", "foo");
        assertEquals(Lorebot.EXIT_USAGE, negative.exit(), negative.toString());
        assertTrue(negative.err().contains("--limit must be 0 (all) or more"), negative.toString());

        CommandRun none = CommandRun.lorebot("search", "--data", data);
        assertEquals(Lorebot.EXIT_USAGE, none.exit(), none.toString());
        assertTrue(none.err().contains("Missing required parameter: 'QUERY'"), none.toString());
        assertTrue(none.err().contains("Try 'lorebot search --help'"), none.toString());
    }

    @Test
    void searchingWhereNothingWasIngestedSaysSo() {
        Path empty = dir.resolve("nothing-here");
        CommandRun run = CommandRun.lorebot("search", "--data", empty.toString(), "foo");
        assertEquals(Lorebot.EXIT_USAGE, run.exit(), run.toString());
        assertTrue(run.err().startsWith("lorebot: no index in " + empty), run.toString());
    }

    /** Issue 11 point 10: 5,000 nested parentheses are refused in one line, exit 2. */
    @Test
    void deeplyNestedQueryIsOneLineOfError() {
        String query = "(".repeat(5_000) + "nand" + ")".repeat(5_000);
        CommandRun run = CommandRun.lorebot("search", "--data", data, query);
        assertEquals(Lorebot.EXIT_USAGE, run.exit(), run.toString());
        assertEquals(1, run.err().strip().split("\n").length, run.toString());
        assertTrue(run.err().startsWith("lorebot: bad query: parentheses nested more than 100 deep"), run.toString());
    }

    /** Issue 11 point 14: a failed first ingest left an empty index that answered "no matches". */
    @Test
    void aFailedFirstIngestLeavesNoIndexBehind() {
        Path fresh = dir.resolve("failed-ingest");
        CommandRun ingest = CommandRun.lorebot("ingest", "--data", fresh.toString(),
                dir.resolve("no-such-archive").toString());
        assertEquals(Lorebot.EXIT_USAGE, ingest.exit(), ingest.toString());
        assertFalse(Files.exists(fresh.resolve("lucene")), "nothing was ingested, so no index was left");
        CommandRun search = CommandRun.lorebot("search", "--data", fresh.toString(), "foo");
        assertEquals(Lorebot.EXIT_USAGE, search.exit(), search.toString());
        assertTrue(search.err().startsWith("lorebot: no index in " + fresh), search.toString());
    }
}
