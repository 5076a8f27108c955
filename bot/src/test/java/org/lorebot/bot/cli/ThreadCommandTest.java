package org.lorebot.bot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lorebot.index.fixture.PublicInboxFixtures;

import com.fasterxml.jackson.databind.JsonNode;

class ThreadCommandTest {

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

    /** The thread with the most messages among the patches adding GFP_DMA: one with replies. */
    private static String messageInABigThread() throws Exception {
        String best = null;
        int size = 0;
        for (JsonNode hit : CommandRun.lorebot("search", "--data", data, "--json", "--limit", "0", "s:PATCH").jsonLines()) {
            int n = CommandRun.lorebot("thread", "--data", data, "--json", hit.get("message_id").asText()).jsonLines().size();
            if (n > size) {
                size = n;
                best = hit.get("message_id").asText();
            }
            if (size >= 4) {
                break;
            }
        }
        return best;
    }

    @Test
    void jsonEntriesFormATreeWhoseParentsComeFirst() throws Exception {
        String id = messageInABigThread();
        List<JsonNode> entries = CommandRun.lorebot("thread", "--data", data, "--json", id).jsonLines();
        assertTrue(entries.size() >= 3, entries.toString());
        Map<String, Integer> depthOf = new HashMap<>();
        String root = entries.get(0).get("message_id").asText();
        boolean containsAsked = false;
        for (JsonNode e : entries) {
            String mid = e.get("message_id").asText();
            containsAsked |= mid.equals(id);
            int depth = e.get("depth").asInt();
            if (depth == 0) {
                assertTrue(e.get("parent").isNull(), e.toString());
            } else {
                String parent = e.get("parent").asText();
                assertEquals(depth - 1, depthOf.get(parent), "parent listed before its reply at depth-1: " + e);
            }
            assertEquals(root, e.get("thread").asText(), e.toString());
            assertEquals("lkml", e.get("list").asText());
            depthOf.put(mid, depth);
        }
        assertTrue(containsAsked);
        assertTrue(depthOf.values().stream().anyMatch(d -> d >= 1));
    }

    @Test
    void textIsIndentedByDepthAndMarksTheMessageAskedFor() throws Exception {
        String id = messageInABigThread();
        List<JsonNode> entries = CommandRun.lorebot("thread", "--data", data, "--json", id).jsonLines();
        CommandRun text = CommandRun.lorebot("thread", "--data", data, id);
        assertEquals(0, text.exit(), text.toString());
        List<String> lines = text.outLines();
        assertEquals(entries.size(), lines.size(), text.toString());
        for (int i = 0; i < lines.size(); i++) {
            JsonNode e = entries.get(i);
            String line = lines.get(i);
            String mid = e.get("message_id").asText();
            assertEquals(mid.equals(id) ? "* " : "  ", line.substring(0, 2), line);
            String subject = e.get("subject").asText().replaceAll("\\s+", " ").trim();
            int at = line.indexOf(subject);
            assertTrue(at > 0, line);
            String indent = "  ".repeat(e.get("depth").asInt());
            assertTrue(line.substring(0, at).endsWith("  " + indent), "indent of depth " + e.get("depth") + ": " + line);
            assertTrue(line.endsWith("<" + mid + ">"), line);
        }
    }

    @Test
    void idIsAcceptedWithOrWithoutAngleBrackets() {
        String id = PublicInboxFixtures.FIRST_MESSAGE_ID;
        CommandRun bare = CommandRun.lorebot("thread", "--data", data, id);
        CommandRun bracketed = CommandRun.lorebot("thread", "--data", data, "<" + id + ">");
        assertEquals(0, bare.exit(), bare.toString());
        assertEquals(bare.out(), bracketed.out());
        assertTrue(bare.out().contains("* "), bare.toString());
    }

    @Test
    void unknownIdExitsTwo() {
        CommandRun run = CommandRun.lorebot("thread", "--data", data, "<no-such-message@example.org>");
        assertEquals(Lorebot.EXIT_USAGE, run.exit(), run.toString());
        assertEquals("lorebot: no message <no-such-message@example.org> in the index in " + data + "\n", run.err());
        assertEquals("", run.out());
    }
}
