package org.lorebot.bot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lorebot.index.fixture.InboxCommits;
import org.lorebot.index.fixture.PublicInboxFixtures;

class FetchCommandTest {

    @TempDir
    Path dir;

    private SmartGitServer server;
    private Path served;
    private Path config;

    @BeforeEach
    void serveTheV2Fixture() throws IOException {
        Path web = dir.resolve("web");
        Path inbox = PublicInboxFixtures.extractV2(dir.resolve("unpacked"));
        Files.createDirectories(web);
        served = Files.move(inbox, web.resolve("lkml"));
        server = new SmartGitServer(web);
        config = Files.writeString(dir.resolve("lorebot.conf"), """
                [core]
                    data = data
                [inbox "lkml"]
                    url = %s/lkml
                    address = lkml@example.org
                [inbox "local"]
                    path = %s
                """.formatted(server.baseUrl(), PublicInboxFixtures.v1()));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void clonesTheEpochsIntoTheMirrorAndIngestsThem() {
        CommandRun run = CommandRun.lorebot("fetch", "--config", config.toString());
        assertEquals(0, run.exit(), run.toString());
        assertTrue(Pattern.compile("lkml: git/0\\.git cloned from " + Pattern.quote(server.baseUrl() + "/lkml/git/0.git")
                + " at [0-9a-f]{12}\n").matcher(run.out()).find(), run.toString());
        assertTrue(run.out().contains("lkml: added 200, removed 0,"), run.toString());
        assertTrue(!run.out().contains("local:"), "only inboxes with a url are fetched: " + run);
        assertTrue(Files.isDirectory(dir.resolve("data/mirrors/lkml/git/0.git")), run.toString());
        assertTrue(run.err().contains("lkml: Cloning git/0.git from "), run.toString());

        CommandRun search = CommandRun.lorebot("search", "--config", config.toString(), "--json", "--limit", "0", "l:lkml");
        assertEquals(200, search.outLines().size(), search.toString());
    }

    @Test
    void fetchingAgainBringsOnlyNewMail() throws IOException {
        assertEquals(0, CommandRun.lorebot("fetch", "--config", config.toString()).exit());
        CommandRun idle = CommandRun.lorebot("fetch", "--config", config.toString(), "lkml");
        assertEquals(0, idle.exit(), idle.toString());
        assertTrue(idle.out().contains("lkml: git/0.git up to date at "), idle.toString());
        assertTrue(idle.out().contains("lkml: added 0, removed 0, duplicates 0,"), idle.toString());

        InboxCommits.v2(served.resolve("git/0.git"), "m", """
                From: Late Poster <late@example.org>
                To: lkml@example.org
                Subject: [PATCH] mm: one more patch
                Date: Mon, 1 Apr 2024 10:00:00 +0000
                Message-ID: <late-patch@example.org>

                A message that arrived after the first fetch.
                """.getBytes(StandardCharsets.UTF_8));
        CommandRun later = CommandRun.lorebot("fetch", "--config", config.toString());
        assertEquals(0, later.exit(), later.toString());
        assertTrue(Pattern.compile("lkml: git/0\\.git fetched [0-9a-f]{12}\\.\\.[0-9a-f]{12}\n").matcher(later.out()).find(),
                later.toString());
        assertTrue(later.out().contains("lkml: added 1, removed 0,"), later.toString());
        CommandRun found = CommandRun.lorebot("search", "--config", config.toString(), "m:late-patch@example.org");
        assertEquals(1, found.outLines().size(), found.toString());
    }

    @Test
    void unreachableArchiveIsReportedAndExitsTwo() throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.conf"), """
                [core]
                    data = data
                [inbox "gone"]
                    url = %s/gone
                [inbox "lkml"]
                    url = %s/lkml
                """.formatted(server.baseUrl(), server.baseUrl()));
        CommandRun run = CommandRun.lorebot("fetch", "--config", broken.toString());
        assertEquals(Lorebot.EXIT_USAGE, run.exit(), run.toString());
        assertTrue(run.err().contains("lorebot: gone: no public-inbox epoch at " + server.baseUrl() + "/gone/0"), run.toString());
        assertTrue(run.out().contains("lkml: added 200,"), "the other inbox is still fetched: " + run);
        assertFalse(Files.exists(dir.resolve("data/mirrors/gone")),
                "a failed first fetch leaves no empty mirror behind");
        assertTrue(Files.isDirectory(dir.resolve("data/mirrors/lkml/git/0.git")));
    }

    @Test
    void listsMustBeConfiguredInboxesWithAUrl() {
        CommandRun unknown = CommandRun.lorebot("fetch", "--config", config.toString(), "lkm");
        assertEquals(Lorebot.EXIT_USAGE, unknown.exit());
        assertEquals("lorebot: no inbox 'lkm' in " + config + "\n", unknown.err());

        CommandRun local = CommandRun.lorebot("fetch", "--config", config.toString(), "local");
        assertEquals(Lorebot.EXIT_USAGE, local.exit());
        assertEquals("lorebot: inbox 'local' has no url to fetch from (set inbox.local.url)\n", local.err());
    }

    @Test
    void runOnceFetchesAndIngestsEveryInbox() {
        CommandRun run = CommandRun.lorebot("run", "--config", config.toString(), "--once");
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.out().contains("lkml: added 200,"), run.toString());
        // the local v1 inbox holds the same 200 messages: kept once, under the list that came first
        assertTrue(run.out().contains("local: added 0, removed 0, duplicates 200,"), run.toString());
    }
}
