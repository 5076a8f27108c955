package org.lorebot.bot.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lorebot.bot.cli.CommandRun;
import org.lorebot.index.MailIndex;
import org.lorebot.index.archive.GitArchiveSource;
import org.lorebot.index.fixture.LinuxMtdFixture;
import org.lorebot.index.ingest.IngestListener;

/**
 * The weekly digest of {@code drivers/mtd/spi-nor/} over the last week of the real linux-mtd
 * archive (2020-06-15 08:00 to 2020-06-22 08:00 UTC), through {@code lorebot digest}: the
 * cadence-quadspi series that Mark Brown applied on 06-19 comes first, with its ack and its
 * replies, beside the week's two new series; {@code --preview} of that week prints the same
 * text. Skipped without {@code $LOREBOT_FIXTURES}.
 */
class LinuxMtdDigestTest {

    private static final String WEEK_END = "2020-06-22T08:00:00Z";

    @TempDir
    Path dir;

    /** A section's items, between its underline and the next section or the signature. */
    private static String section(String text, String title) {
        int at = text.indexOf(title + "\n" + "-".repeat(title.length()) + "\n\n");
        assertTrue(at >= 0, "no section '" + title + "' in:\n" + text);
        String rest = text.substring(at + 2 * title.length() + 3);
        int end = rest.indexOf("\n\n\n");
        return (end < 0 ? beforeSignature(rest) : rest.substring(0, end)).strip();
    }

    /** The text before the signature, whose unsubscribe token only a real digest has. */
    private static String beforeSignature(String text) {
        return text.substring(0, text.indexOf("\n-- \n"));
    }

    @Test
    void weeklySpiNorDigestNamesTheAppliedSeriesAndPreviewPrintsTheSameText() throws Exception {
        Path repository = LinuxMtdFixture.repository();
        try (MailIndex index = MailIndex.open(dir.resolve("data"));
             GitArchiveSource source = GitArchiveSource.epoch(repository)) {
            index.ingest("linux-mtd", source, IngestListener.NONE);
        }
        Path config = dir.resolve("lorebot.conf");
        Files.writeString(config, """
                [core]
                    data = data
                [inbox "linux-mtd"]
                    url = https://lore.kernel.org/linux-mtd
                [delivery]
                    from = lorebot <lorebot@example.org>
                [digest]
                    web-url = https://lorebot.example.org
                [subscriber "spi-nor@example.org"]
                    paths = drivers/mtd/spi-nor/
                    frequency = weekly
                    day = monday
                    hour = 8
                """);

        CommandRun preview = CommandRun.lorebot("digest", "--config", config.toString(),
                "--preview", "spi-nor@example.org", "--from", "2020-06-15T08:00:00Z", "--to", WEEK_END);
        assertEquals(0, preview.exit(), preview.err());
        assertFalse(Files.exists(dir.resolve("data/state.sqlite")), "a preview records nothing");

        CommandRun run = CommandRun.lorebot("digest", "--config", config.toString(), "--now", WEEK_END);
        assertEquals(0, run.exit(), run.err());
        try (Harness h = new Harness(dir, "")) {
            List<MimeMessage> sent = h.deliveredTo("spi-nor@example.org");
            assertEquals(1, sent.size(), run.out());
            String text = Harness.text(sent.get(0));
            String activity = section(text, "Activity on series in your area");
            String cadence = activity.split("\n\n")[0];
            assertTrue(cadence.startsWith("[RESEND PATCH v3 0/8] mtd: spi-nor: Move cadence-qaudspi to spi-mem"),
                    "the applied series comes first:\n" + activity);
            String flat = cadence.replaceAll("\\s+", " ");
            assertTrue(flat.contains("Applied by Mark Brown to"
                    + " https://git.kernel.org/pub/scm/linux/kernel/git/broonie/spi.git for-next (v3, v2)"), cadence);
            assertTrue(flat.contains("Acked-by: Tudor Ambarus"), cadence);
            assertTrue(flat.contains("5 replies: Mark Brown, Tudor.Ambarus@microchip.com"), cadence);
            assertTrue(flat.endsWith("https://lore.kernel.org/linux-mtd/20200601070444.16923-1-vigneshr@ti.com/"),
                    cadence);

            String series = section(text, "New series and new versions");
            assertTrue(series.contains("[PATCH] mtd: spi-nor: intel-spi: Add support for Intel Emmitsburg SPI"), series);
            assertTrue(series.contains("[PATCH 0/2] Add support to Disable the flash quad mode"), series);
            assertEquals(2, series.split("\n\n").length, series);

            for (String line : text.split("\n")) {
                assertTrue(line.length() <= 72 || line.matches("\\s*\\S+"), "72 columns: " + line);
            }
            String subject = sent.get(0).getSubject();
            assertEquals("Subject: " + subject + "\n\n" + beforeSignature(text),
                    beforeSignature(preview.out()), "the preview is the digest");
            assertTrue(preview.out().contains("/unsubscribe/" + DigestPreview.TOKEN + " "), preview.out());
        }
    }
}
