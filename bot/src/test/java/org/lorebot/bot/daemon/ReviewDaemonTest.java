package org.lorebot.bot.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lorebot.bot.series.LabeledCorpus;
import org.lorebot.bot.state.StateStore;
import org.lorebot.config.LorebotConfig;
import org.lorebot.index.MailIndex;
import org.lorebot.index.fixture.TestIndexes;

/**
 * The daemon end to end on a real mbox archive: the Feb-2022 GFP_DMA series (real mail, with
 * Christoph Hellwig's review) as history, then new patches arriving. Dry-run delivery into the
 * outbox Maildir, a real Lucene index and a real SQLite state file.
 */
class ReviewDaemonTest {

    private static final Instant NOW = Instant.parse("2026-11-21T18:00:00Z");
    private static final String HISTORY[] = {
            "001-bhe-00-cover-dont-use-kmalloc-gfp-dma.eml", "002-bhe-02-moxa-dma-alloc-coherent.eml",
            "006-bhe-14-spi-ti-qspi-dma-alloc-coherent.eml", "012-bhe-re14-hch-looks-good.eml"};

    @TempDir
    Path dir;

    private Path mbox;
    private LorebotConfig config;

    @BeforeEach
    void setUp() throws Exception {
        mbox = dir.resolve("archive/lkml.mbox");
        Files.createDirectories(mbox.getParent());
        for (String f : HISTORY) {
            append(Files.readString(LabeledCorpus.DIR.resolve(f), StandardCharsets.ISO_8859_1));
        }
        Files.writeString(dir.resolve("lorebot.conf"), """
                [core]
                    data = data
                [inbox "lkml"]
                    path = archive/lkml.mbox
                    url = https://lore.kernel.org/lkml
                    address = linux-kernel@vger.kernel.org
                [inbox "netdev"]
                    path = archive/netdev-missing
                    address = netdev@vger.kernel.org
                [review]
                    lists = lkml
                    since = 2026-11-01
                    grace = 30m
                    maintainer = hch@lst.de
                [delivery]
                    from = lorebot <lorebot@example.org>
                """);
        config = LorebotConfig.load(dir.resolve("lorebot.conf"));
    }

    private void append(String message) throws Exception {
        String mboxrd = message.replace("\r\n", "\n").replaceAll("(?m)^(>*From )", ">$1");
        Files.writeString(mbox, "From mboxrd@z Thu Jan  1 00:00:00 1970\n" + mboxrd + (mboxrd.endsWith("\n") ? "" : "\n") + "\n",
                StandardCharsets.ISO_8859_1, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static String patch(String id, String subject, String date, String flags) {
        return "From: Dev One <dev@example.net>\n"
                + "To: linux-kernel@vger.kernel.org\n"
                + "Cc: Jane Maintainer <jane@example.org>, netdev@vger.kernel.org\n"
                + "Subject: " + subject + "\n"
                + "Date: " + date + "\n"
                + "Message-ID: <" + id + ">\n"
                + "\n"
                + "Allocate the descriptor ring from coherent memory.\n"
                + "\n"
                + "Signed-off-by: Dev One <dev@example.net>\n"
                + "---\n"
                + " drivers/net/ethernet/foo/foo_main.c | 5 +++--\n"
                + " 1 file changed, 3 insertions(+), 2 deletions(-)\n"
                + "\n"
                + "diff --git a/drivers/net/ethernet/foo/foo_main.c b/drivers/net/ethernet/foo/foo_main.c\n"
                + "index 3b18a2c..9d0e4f1 100644\n"
                + "--- a/drivers/net/ethernet/foo/foo_main.c\n"
                + "+++ b/drivers/net/ethernet/foo/foo_main.c\n"
                + "@@ -210,8 +210,9 @@ static int foo_alloc_rings(struct foo_priv *priv)\n"
                + " \tstruct device *dev = &priv->pdev->dev;\n"
                + " \n"
                + "-\tpriv->ring = kzalloc(FOO_RING_BYTES, GFP_KERNEL);\n"
                + "-\tif (!priv->ring)\n"
                + "+\tpriv->ring = dma_alloc_coherent(dev, FOO_RING_BYTES, &priv->ring_dma,\n"
                + "+\t\t\t\t\t" + flags + ");\n"
                + "+\tif (!priv->ring)\n"
                + " \t\treturn -ENOMEM;\n"
                + " \n"
                + " \treturn 0;\n"
                + "-- \n"
                + "2.43.0\n";
    }

    private static String reply(String id, String from, String inReplyTo, String references, String subject, String body) {
        return "From: " + from + "\n"
                + "To: lorebot <lorebot@example.org>\n"
                + "Cc: linux-kernel@vger.kernel.org\n"
                + "Subject: " + subject + "\n"
                + "Date: Sat, 21 Nov 2026 19:00:00 +0000\n"
                + "Message-ID: <" + id + ">\n"
                + "In-Reply-To: <" + inReplyTo + ">\n"
                + "References: " + references + "\n"
                + "\n" + body;
    }

    private List<Path> outbox() throws Exception {
        Path box = dir.resolve("data/outbox/new");
        if (!Files.isDirectory(box)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(box)) {
            return s.sorted().toList();
        }
    }

    private PassReport pass(Instant at) throws Exception {
        Clock clock = Clock.fixed(at, ZoneOffset.UTC);
        try (MailIndex index = TestIndexes.open(config.core().data());
             StateStore state = StateStore.open(config.core().data().resolve("state.sqlite"), clock)) {
            return ReviewDaemon.create(config, index, state, Map.of(), clock).runPass();
        }
    }

    private static MimeMessage parse(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return new MimeMessage(Session.getInstance(new Properties()), in);
        }
    }

    @Test
    void reviewsANewPatchOnceCitingTheEarlierDiscussion() throws Exception {
        append(patch("20261121173000.1-dev@example.net", "[PATCH] net: foo: allocate the ring coherently",
                "Sat, 21 Nov 2026 17:30:00 +0000", "GFP_KERNEL | GFP_DMA"));

        PassReport first = pass(NOW);
        assertEquals(1, first.queued(), first.toString());
        // the netdev archive is missing: logged and counted, the other inbox is still served
        assertEquals(1, first.inboxes().get(1).problems(), first.toString());
        assertEquals(1, first.dispatch().sent());
        List<Path> files = outbox();
        assertEquals(1, files.size());

        MimeMessage m = parse(files.get(0));
        assertEquals("Re: [PATCH] net: foo: allocate the ring coherently", m.getSubject());
        assertEquals("<20261121173000.1-dev@example.net>", m.getHeader("In-Reply-To", null));
        assertEquals("<20261121173000.1-dev@example.net>", MimeUtility.unfold(m.getHeader("References", null)));
        assertEquals("Dev One <dev@example.net>", m.getHeader("To", null));
        // netdev is configured but not a list the bot may post to: it is not copied
        assertEquals("linux-kernel@vger.kernel.org, Jane Maintainer <jane@example.org>",
                MimeUtility.unfold(m.getHeader("Cc", null)).replaceAll("\\s+", " "));
        assertEquals("auto-generated", m.getHeader("Auto-Submitted", null));
        assertEquals("lorebot <lorebot@example.org>", m.getHeader("From", null));
        String body = ((String) m.getContent()).replace("\r\n", "\n");
        assertTrue(body.contains("In drivers/net/ethernet/foo/foo_main.c"), body);
        assertTrue(body.contains("> +\t\t\t\t\tGFP_KERNEL | GFP_DMA);"), body);
        assertTrue(body.contains("DMA001"), body);
        // the cited thread is the 2022 series; its best message is the maintainer's review
        assertTrue(body.contains("Earlier discussion:"), body);
        assertTrue(body.contains("https://lore.kernel.org/lkml/20220219071206.GA26667@lst.de/"), body);

        PassReport second = pass(NOW.plus(Duration.ofMinutes(10)));
        assertEquals(0, second.queued());
        assertEquals(1, outbox().size());
    }

    @Test
    void authorSilencesTheRuleForLaterVersionsAndRepliesAreNeverAnswered() throws Exception {
        append(patch("v1@example.net", "[PATCH] net: foo: allocate the ring coherently",
                "Sat, 21 Nov 2026 17:30:00 +0000", "GFP_KERNEL | GFP_DMA"));
        pass(NOW);
        List<Path> files = outbox();
        assertEquals(1, files.size());
        String botId = parse(files.get(0)).getHeader("Message-ID", null);
        String bare = botId.substring(1, botId.length() - 1);

        append(reply("cmd@example.net", "Dev One <dev@example.net>", bare, "<v1@example.net> " + botId,
                "Re: [PATCH] net: foo: allocate the ring coherently",
                "> DMA001 (warning): ...\n\nThis board needs it, really.\n\n#lorebot ignore DMA001\n"));
        append(reply("other@example.net", "Someone Else <someone@example.com>", "v1@example.net", "<v1@example.net>",
                "Re: [PATCH] net: foo: allocate the ring coherently", "Why not GFP_DMA32?\n"));
        append(patch("v2@example.net", "[PATCH v2] net: foo: allocate the ring coherently",
                "Sat, 21 Nov 2026 19:30:00 +0000", "GFP_KERNEL | GFP_DMA"));

        PassReport later = pass(NOW.plus(Duration.ofHours(2)));
        InboxReport lkml = later.inboxes().get(0);
        assertEquals(1, lkml.commands(), later.toString());
        assertEquals(0, lkml.queued(), later.toString());
        assertEquals(1, outbox().size());
        try (StateStore state = StateStore.open(config.core().data().resolve("state.sqlite"), Clock.systemUTC())) {
            assertTrue(state.decision("v2@example.net").orElseThrow().equals("skip"));
            assertFalse(state.decision("other@example.net").isPresent());
        }
    }

    @Test
    void waitsForTheRestOfASeriesUntilTheGraceTimeHasPassed() throws Exception {
        String cover = "From: Dev One <dev@example.net>\nTo: linux-kernel@vger.kernel.org\n"
                + "Subject: [PATCH 0/2] net: foo: rings\nDate: Sat, 21 Nov 2026 17:50:00 +0000\n"
                + "Message-ID: <cover@example.net>\n\nTwo patches.\n";
        append(cover);
        append(patch("part1@example.net", "[PATCH 1/2] net: foo: allocate the ring coherently",
                "Sat, 21 Nov 2026 17:51:00 +0000", "GFP_KERNEL | GFP_DMA")
                .replace("Message-ID: <part1@example.net>\n", "Message-ID: <part1@example.net>\nIn-Reply-To: <cover@example.net>\nReferences: <cover@example.net>\n"));

        PassReport early = pass(NOW);
        assertEquals(1, early.inboxes().get(0).waiting(), early.toString());
        assertEquals(0, outbox().size());

        PassReport late = pass(NOW.plus(Duration.ofMinutes(45)));
        assertEquals(1, late.queued(), late.toString());
        assertEquals(1, outbox().size());
    }

    @Test
    void aStoppedDaemonStartsNoNewStep() throws Exception {
        append(patch("stop@example.net", "[PATCH] net: foo: allocate the ring coherently",
                "Sat, 21 Nov 2026 17:30:00 +0000", "GFP_KERNEL | GFP_DMA"));
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        try (MailIndex index = TestIndexes.open(config.core().data());
             StateStore state = StateStore.open(config.core().data().resolve("state.sqlite"), clock)) {
            ReviewDaemon daemon = ReviewDaemon.create(config, index, state, Map.of(), clock);
            daemon.requestStop();
            PassReport r = daemon.runPass();
            assertEquals(List.of(), r.inboxes());
            assertEquals(0, r.dispatch().sent());
            assertEquals(Optional.empty(), state.decision("stop@example.net"));
        }
        assertEquals(List.of(), outbox());
    }

    @Test
    void stopsAfterTheStepUnderWayWhenAskedTo() throws Exception {
        append(patch("loop@example.net", "[PATCH] net: foo: allocate the ring coherently",
                "Sat, 21 Nov 2026 17:30:00 +0000", "GFP_KERNEL | GFP_DMA"));
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        try (MailIndex index = TestIndexes.open(config.core().data());
             StateStore state = StateStore.open(config.core().data().resolve("state.sqlite"), clock)) {
            ReviewDaemon daemon = ReviewDaemon.create(config, index, state, Map.of(), clock);
            Thread loop = new Thread(() -> {
                try {
                    daemon.runUntilStopped();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            loop.start();
            for (int i = 0; i < 600 && outbox().isEmpty(); i++) {
                Thread.sleep(50);
            }
            assertEquals(1, outbox().size());
            Thread hook = daemon.shutdownHook(Duration.ofSeconds(30)); // what SIGTERM runs
            hook.start();
            hook.join(30_000);
            assertTrue(daemon.awaitStopped(Duration.ZERO));
            loop.join(1_000);
            assertFalse(loop.isAlive());
        }
        assertEquals(1, outbox().size());
    }

    @Test
    void aLaterVersionWithTheSameProblemIsNotReviewedTwice() throws Exception {
        append(patch("r1@example.net", "[PATCH] net: foo: allocate the ring coherently",
                "Sat, 21 Nov 2026 17:30:00 +0000", "GFP_KERNEL | GFP_DMA"));
        pass(NOW);
        append(patch("r2@example.net", "[PATCH v2] net: foo: allocate the ring coherently",
                "Sat, 21 Nov 2026 19:30:00 +0000", "GFP_DMA | GFP_KERNEL"));
        append(patch("r2-resend@example.net", "[RESEND PATCH v2] net: foo: allocate the ring coherently",
                "Sat, 21 Nov 2026 19:40:00 +0000", "GFP_DMA | GFP_KERNEL"));
        PassReport later = pass(NOW.plus(Duration.ofHours(2)));
        assertEquals(0, later.queued(), later.toString());
        assertEquals(2, later.inboxes().get(0).skipped(), later.toString());
        assertEquals(1, outbox().size());
    }

    @Test
    void noteRepeatsPointsTheLaterVersionToTheEarlierReview() throws Exception {
        Files.writeString(dir.resolve("lorebot.conf"), Files.readString(dir.resolve("lorebot.conf"))
                .replace("    maintainer = hch@lst.de\n", "    maintainer = hch@lst.de\n    note-repeats = true\n"));
        config = LorebotConfig.load(dir.resolve("lorebot.conf"));
        append(patch("n1@example.net", "[PATCH] net: foo: allocate the ring coherently",
                "Sat, 21 Nov 2026 17:30:00 +0000", "GFP_KERNEL | GFP_DMA"));
        pass(NOW);
        String first = parse(outbox().get(0)).getHeader("Message-ID", null);
        append(patch("n2@example.net", "[PATCH v2] net: foo: allocate the ring coherently",
                "Sat, 21 Nov 2026 19:30:00 +0000", "GFP_DMA | GFP_KERNEL"));
        assertEquals(1, pass(NOW.plus(Duration.ofHours(2))).queued());
        List<Path> files = outbox();
        assertEquals(2, files.size());
        MimeMessage second = files.stream().map(f -> {
            try {
                return parse(f);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).filter(m -> {
            try {
                return "<n2@example.net>".equals(m.getHeader("In-Reply-To", null));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).findFirst().orElseThrow();
        String body = ((String) second.getContent()).replace("\r\n", "\n");
        assertTrue(body.contains("https://lore.kernel.org/lkml/" + first.substring(1, first.length() - 1) + "/"), body);
        assertFalse(body.contains("> +"), body);
    }

    @Test
    void sendsADueDigestToAConfiguredSubscriberInTheSamePass() throws Exception {
        Files.writeString(dir.resolve("lorebot.conf"), Files.readString(dir.resolve("lorebot.conf")) + """
                [subscriber "netdev-maint@example.org"]
                    lists = lkml
                    paths = drivers/net/
                    frequency = daily
                    hour = 8
                    timezone = UTC
                """);
        config = LorebotConfig.load(dir.resolve("lorebot.conf"));
        append(patch("20261121173000.1-dev@example.net", "[PATCH] net: foo: allocate the ring coherently",
                "Sat, 21 Nov 2026 17:30:00 +0000", "GFP_KERNEL | GFP_DMA"));

        pass(NOW); // the patch arrives: reviewed; the digest period that just ended held nothing
        List<Path> afterFirst = outbox();
        assertEquals(1, afterFirst.size(), "only the review");

        pass(Instant.parse("2026-11-22T09:00:00Z")); // the subscriber's hour has passed
        List<MimeMessage> digests = new java.util.ArrayList<>();
        for (Path f : outbox()) {
            MimeMessage m = parse(f);
            if ("netdev-maint@example.org".equals(m.getHeader("To", null))) {
                digests.add(m);
            }
        }
        assertEquals(1, digests.size(), "one digest for the day");
        String body = (String) digests.get(0).getContent();
        assertTrue(body.contains("net: foo: allocate the ring coherently"), body);
        assertTrue(body.contains("DMA001"), body);
        assertTrue(digests.get(0).getHeader("List-Unsubscribe", null) != null);

        pass(Instant.parse("2026-11-22T10:00:00Z"));
        assertEquals(afterFirst.size() + 1, outbox().size(), "a period is sent once");
    }
}
