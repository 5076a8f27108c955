package org.lorebot.bot.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lorebot.bot.digest.Archive.diff;
import static org.lorebot.bot.digest.Archive.message;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lorebot.bot.cli.CommandRun;

/** {@code lorebot digest --preview}: any window of an archive, by Date, sending and recording nothing. */
class DigestPreviewTest {

    private static final String SUBSCRIBER = """
            [subscriber "maint@example.org"]
                lists = dmaengine
                paths = drivers/dma/
                frequency = weekly
            """;

    @TempDir
    Path dir;

    private CommandRun preview(String... window) {
        String[] args = new String[4 + window.length];
        args[0] = "digest";
        args[1] = "--config";
        args[2] = dir.resolve("lorebot.conf").toString();
        args[3] = "--preview";
        System.arraycopy(window, 0, args, 4, window.length);
        return CommandRun.lorebot(args);
    }

    @Test
    void printsTheDigestOfAnOldWindowAndLeavesNoTrace() throws Exception {
        try (Harness h = new Harness(dir, SUBSCRIBER)) {
            h.archive.post("dmaengine", message("old@x", "Dev One <dev@example.net>", "dmaengine@vger.kernel.org",
                    "[PATCH] dmaengine: foo: use the pool", Instant.parse("2019-03-04T12:00:00Z"), null,
                    diff("drivers/dma/foo.c", "\tret = 0;", "\tret = 1;")));
            h.archive.post("dmaengine", message("re@x", "Vinod Maintainer <vkoul@example.org>",
                    "dmaengine@vger.kernel.org", "Re: [PATCH] dmaengine: foo: use the pool",
                    Instant.parse("2019-03-12T12:00:00Z"), "old@x", "Applied, thanks.\n"));
        }
        CommandRun week = preview("maint@example.org", "--from", "2019-03-11", "--to", "2019-03-18");
        assertEquals(0, week.exit(), week.err());
        assertTrue(week.out().startsWith("Subject: [lorebot weekly digest] 2019-03-18: 1 active series\n\n"
                + "lorebot digest for maint@example.org\nFrom 2019-03-11 00:00 to 2019-03-18 00:00 (UTC)\n"),
                week.out());
        assertTrue(week.out().contains("[PATCH] dmaengine: foo: use the pool\n  Dev One, v1\n"
                + "  Applied by Vinod Maintainer (v1)\n  1 reply: Vinod Maintainer\n"), week.out());
        assertFalse(Files.exists(dir.resolve("data/state.sqlite")), "nothing recorded");
        assertFalse(Files.exists(dir.resolve("data/outbox")), "nothing sent");

        CommandRun quiet = preview("maint@example.org", "--from", "2019-04-01T00:00:00Z",
                "--to", "2019-04-08T00:00:00+02:00");
        assertEquals(0, quiet.exit(), quiet.err());
        assertEquals("lorebot: nothing for maint@example.org from 2019-04-01T00:00:00Z to 2019-04-07T22:00:00Z:"
                + " no digest would be sent\n", quiet.out());
    }

    @Test
    void badUseIsAOneLineUsageError() throws Exception {
        try (Harness h = new Harness(dir, SUBSCRIBER)) {
            h.archive.post("dmaengine", message("a@x", "Dev One <dev@example.net>", "dmaengine@vger.kernel.org",
                    "hello", Instant.parse("2019-03-04T12:00:00Z"), null, "hi\n"));
        }
        CommandRun unknown = preview("nobody@example.org", "--from", "2019-03-11", "--to", "2019-03-18");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("no subscriber 'nobody@example.org'"), unknown.err());
        assertEquals(1, unknown.err().strip().lines().count(), unknown.err());

        CommandRun noEnd = preview("maint@example.org", "--from", "2019-03-11");
        assertEquals(2, noEnd.exit());
        assertTrue(noEnd.err().contains("--preview, --from and --to go together"), noEnd.err());

        CommandRun badDate = preview("maint@example.org", "--from", "last monday", "--to", "2019-03-18");
        assertEquals(2, badDate.exit());
        assertTrue(badDate.err().contains("--from: 'last monday' is neither a date"), badDate.err());

        CommandRun backwards = preview("maint@example.org", "--from", "2019-03-18", "--to", "2019-03-11");
        assertEquals(2, backwards.exit());
        assertTrue(backwards.err().contains("--from 2019-03-18 is not before --to 2019-03-11"), backwards.err());
    }
}
