package org.lorebot.bot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lorebot.index.fixture.PublicInboxFixtures;

class IngestCommandTest {

    @TempDir
    Path dir;

    private String data() {
        return dir.resolve("data").toString();
    }

    @Test
    void ingestsAV2InboxThenOnlyWhatIsNew() {
        CommandRun first = CommandRun.lorebot("ingest", "--data", data(), "--list", "lkml",
                PublicInboxFixtures.v2().toString());
        assertEquals(0, first.exit(), first.toString());
        assertTrue(first.out().startsWith("lkml: added 200, removed 0, duplicates 0, malformed 0, missing blobs 0 (200 read in "),
                first.toString());
        assertTrue(first.out().contains("msgs/s)"), first.toString());

        CommandRun again = CommandRun.lorebot("ingest", "--data", data(), "--list", "lkml",
                PublicInboxFixtures.v2().toString());
        assertEquals(0, again.exit(), again.toString());
        assertTrue(again.out().startsWith("lkml: added 0, removed 0, duplicates 0, malformed 0, missing blobs 0 (0 read"),
                again.toString());
    }

    @Test
    void listNameDefaultsToTheSourceName() {
        CommandRun run = CommandRun.lorebot("ingest", "--data", data(), PublicInboxFixtures.v1().toString());
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.out().startsWith("lkml-v1: added 200,"), run.toString());

        CommandRun search = CommandRun.lorebot("search", "--data", data(), "--limit", "0", "--json", "l:lkml-v1");
        assertEquals(200, search.outLines().size(), search.toString());
    }

    @Test
    void theSameMailFromAnMboxCountsAsDuplicates() {
        Path inbox = PublicInboxFixtures.v2();
        CommandRun git = CommandRun.lorebot("ingest", "--data", data(), "--list", "lkml", inbox.toString());
        assertEquals(0, git.exit(), git.toString());
        CommandRun mbox = CommandRun.lorebot("ingest", "--data", data(), "--list", "lkml",
                PublicInboxFixtures.sourceMbox(inbox).toString());
        assertEquals(0, mbox.exit(), mbox.toString());
        assertTrue(mbox.out().startsWith("lkml: added 0, removed 0, duplicates 200,"), mbox.toString());
    }

    @Test
    void aBadSourceIsReportedAndTheOthersStillIngested() throws Exception {
        Path notAnArchive = Files.writeString(dir.resolve("notes.txt"), "hello\n");
        CommandRun run = CommandRun.lorebot("ingest", "--data", data(), notAnArchive.toString(),
                dir.resolve("missing").toString(), PublicInboxFixtures.v2().toString());
        assertEquals(Lorebot.EXIT_USAGE, run.exit(), run.toString());
        assertTrue(run.err().contains("lorebot: notes: not an archive: " + notAnArchive), run.toString());
        assertTrue(run.err().contains("lorebot: missing: no archive at " + dir.resolve("missing")), run.toString());
        assertTrue(run.out().contains("lkml-v2: added 200,"), run.toString());
    }

    @Test
    void withoutSourceTheConfiguredInboxesAreIngested() throws Exception {
        Path inbox = PublicInboxFixtures.v2();
        Path config = Files.writeString(dir.resolve("lorebot.conf"), """
                [core]
                    data = state
                [inbox "lkml"]
                    path = %s
                """.formatted(inbox));
        CommandRun run = CommandRun.lorebot("ingest", "--config", config.toString());
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.out().startsWith("lkml: added 200,"), run.toString());
        // [core] data is relative to the configuration file
        assertTrue(Files.isDirectory(dir.resolve("state")), run.toString());
    }

    @Test
    void dataOptionBeatsCoreData() throws Exception {
        Path config = Files.writeString(dir.resolve("lorebot.conf"), """
                [core]
                    data = state
                [inbox "lkml"]
                    path = %s
                """.formatted(PublicInboxFixtures.v2()));
        CommandRun run = CommandRun.lorebot("ingest", "--config", config.toString(), "--data", data());
        assertEquals(0, run.exit(), run.toString());
        assertTrue(Files.isDirectory(dir.resolve("data")), run.toString());
        assertTrue(Files.notExists(dir.resolve("state")), run.toString());
    }

    @Test
    void listOptionWithoutSourcePicksAConfiguredInbox() throws Exception {
        Path config = Files.writeString(dir.resolve("lorebot.conf"), """
                [inbox "lkml"]
                    path = %s
                [inbox "old"]
                    path = %s
                """.formatted(PublicInboxFixtures.v2(), PublicInboxFixtures.v1()));
        CommandRun run = CommandRun.lorebot("ingest", "--config", config.toString(), "--data", data(), "--list", "old");
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.out().startsWith("old: added 200,"), run.toString());
        assertEquals(1, run.outLines().size(), run.toString());

        CommandRun unknown = CommandRun.lorebot("ingest", "--config", config.toString(), "--data", data(), "--list", "lkm");
        assertEquals(Lorebot.EXIT_USAGE, unknown.exit(), unknown.toString());
        assertEquals("lorebot: no inbox 'lkm' in " + config + "\n", unknown.err());
    }

    @Test
    void nothingToIngestIsAUsageError() throws Exception {
        Path config = Files.writeString(dir.resolve("empty.conf"), "");
        CommandRun run = CommandRun.lorebot("ingest", "--config", config.toString(), "--data", data());
        assertEquals(Lorebot.EXIT_USAGE, run.exit(), run.toString());
        assertTrue(run.err().startsWith("lorebot: nothing to ingest: give a SOURCE"), run.toString());
    }

    @Test
    void aSourceNameThatIsNoListNameNeedsTheListOption() throws Exception {
        Path mbox = Files.copy(PublicInboxFixtures.sourceMbox(PublicInboxFixtures.v2()), dir.resolve("my list.mbox"));
        CommandRun run = CommandRun.lorebot("ingest", "--data", data(), mbox.toString());
        assertEquals(Lorebot.EXIT_USAGE, run.exit(), run.toString());
        assertTrue(run.err().contains("'my list' is not a list name"), run.toString());
        assertTrue(run.err().contains("give one with --list"), run.toString());
    }
}
