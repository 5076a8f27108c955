package org.lorebot.bot.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lorebot.bot.digest.Archive.diff;
import static org.lorebot.bot.digest.Archive.message;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a digest says of the series in the subscriber's area that had mail in the period, old
 * ones included, and of the previous period's findings a later version fixed: each from a few
 * minimal mails in a real index, through the real runner.
 */
class DigestActivityTest {

    private static final String SUBSCRIBER = """
            [subscriber "maint@example.org"]
                lists = dmaengine
                paths = drivers/dma/
                hour = 8
            """;
    private static final String LIST = "dmaengine@vger.kernel.org";
    private static final String AUTHOR = "Dev One <dev@example.net>";
    private static final String BAD_ALLOC = "\tbuf = dma_alloc_coherent(dev, 64, &h, GFP_DMA | GFP_KERNEL);";
    private static final String GOOD_ALLOC = "\tbuf = dma_alloc_coherent(dev, 64, &h, GFP_KERNEL);";

    @TempDir
    Path dir;

    private static Instant t(String s) {
        return Instant.parse(s);
    }

    private static String reply(String id, String from, String subject, Instant date, String parent, String body) {
        return message(id, from, LIST, "Re: " + subject, date, parent, body);
    }

    private static String digest(Harness h, String now) throws Exception {
        h.run(t(now));
        List<MimeMessage> got = h.deliveredTo("maint@example.org");
        return Harness.text(got.get(got.size() - 1));
    }

    @Test
    void anOldSeriesAppliedInThePeriodComesFirstWithItsTrailersAndReplies() throws Exception {
        try (Harness h = new Harness(dir, SUBSCRIBER)) {
            Archive a = h.archive;
            String applied = "[PATCH 1/1] dmaengine: foo: use the pool";
            a.post("dmaengine", message("old@x", AUTHOR, LIST, applied, t("2026-11-10T12:00:00Z"), null,
                    diff("drivers/dma/foo.c", "\tret = 0;", "\tret = 1;")));
            String chatty = "[PATCH] dmaengine: bar: tidy";
            a.post("dmaengine", message("chat@x", AUTHOR, LIST, chatty, t("2026-11-11T12:00:00Z"), null,
                    diff("drivers/dma/bar.c", "\tret = 0;", "\tret = 2;")));
            String elsewhere = "[PATCH] usb: gadget: tidy";
            a.post("dmaengine", message("usb@x", AUTHOR, LIST, elsewhere, t("2026-11-11T13:00:00Z"), null,
                    diff("drivers/usb/gadget/udc.c", "\tret = 0;", "\tret = 2;")));

            a.post("dmaengine", reply("q@x", "Curious Person <cp@example.org>", chatty, t("2026-11-19T09:00:00Z"),
                    "chat@x", "Why?\n"));
            a.post("dmaengine", reply("rev@x", "Rev One <rev@example.org>", applied, t("2026-11-19T10:00:00Z"),
                    "old@x", "> use the pool\n\nLooks right.\n\nReviewed-by: Rev One <rev@example.org>\n"));
            a.post("dmaengine", reply("self@x", AUTHOR, applied, t("2026-11-19T11:00:00Z"), "old@x",
                    "Applied to my tree for testing.\n"));
            a.post("dmaengine", reply("ty@x", "Vinod Maintainer <vkoul@example.org>", applied,
                    t("2026-11-19T12:00:00Z"), "old@x", "On Tue, Dev One wrote:\n> use the pool\n\n"
                            + "Applied to dmaengine/next, thanks.\n"));
            a.post("dmaengine", reply("usb-re@x", "Greg <greg@example.org>", elsewhere, t("2026-11-19T13:00:00Z"),
                    "usb@x", "Applied, thanks.\n"));

            String text = digest(h, "2026-11-20T09:00:00Z");
            assertTrue(text.replaceAll("\\s+", " ").contains("0 patches in your area, 2 series with activity"), text);
            int appliedAt = text.indexOf(applied);
            int chattyAt = text.indexOf(chatty);
            assertTrue(appliedAt > 0 && chattyAt > appliedAt, "the applied series first:\n" + text);
            String item = text.substring(appliedAt, chattyAt);
            assertTrue(item.contains("  Applied by Vinod Maintainer to dmaengine/next (v1)\n"), item);
            assertFalse(item.contains("Applied by Dev One"), "the author's own words are no news: " + item);
            assertTrue(item.contains("  Reviewed-by: Rev One\n"), item);
            assertTrue(item.contains("  3 replies: Rev One, Dev One, Vinod Maintainer\n"), item);
            assertTrue(item.contains("https://lore.kernel.org/dmaengine/old@x/"), item);
            assertTrue(text.contains(chatty + "\n  Dev One, v1\n  1 reply: Curious Person\n"), text);
            assertFalse(text.contains("usb: gadget"), "outside the subscriber's paths: " + text);
        }
    }

    @Test
    void aThankYouMailFromB4ForOnePatchOfASeries() throws Exception {
        try (Harness h = new Harness(dir, SUBSCRIBER)) {
            Archive a = h.archive;
            a.post("dmaengine", message("c@x", AUTHOR, LIST, "[PATCH 0/2] dmaengine: foo: two fixes",
                    t("2026-11-12T12:00:00Z"), null, "Two fixes.\n"));
            for (int i = 1; i <= 2; i++) {
                a.post("dmaengine", message("p" + i + "@x", AUTHOR, LIST, "[PATCH " + i + "/2] dmaengine: foo: fix " + i,
                        t("2026-11-12T12:0" + i + ":00Z"), "c@x",
                        diff("drivers/dma/foo.c", "\tret = 0;", "\tret = " + i + ";")));
            }
            a.post("dmaengine", message("1763.5984.8587.b4-ty@kernel.org", "Vinod Maintainer <vkoul@example.org>",
                    LIST, "Re: [PATCH 2/2] dmaengine: foo: fix 2", t("2026-11-19T12:00:00Z"), "p2@x",
                    "On Tue, Dev One wrote:\n> fix 2\n\nApplied, thanks!\n\n[2/2] dmaengine: foo: fix 2\n"
                            + "      commit: 834b4e8d3441\n\nBest regards,\n-- \nVinod\n"));

            String text = digest(h, "2026-11-20T09:00:00Z");
            assertTrue(text.contains("[PATCH 0/2] dmaengine: foo: two fixes\n  Dev One, v1\n"
                    + "  Applied by Vinod Maintainer (v1 2/2)\n  1 reply: Vinod Maintainer\n"
                    + "  https://lore.kernel.org/dmaengine/c@x/\n"), text);
        }
    }

    @Test
    void aFindingOfThePreviousPeriodGoneInTheNextVersion() throws Exception {
        try (Harness h = new Harness(dir, SUBSCRIBER)) {
            Archive a = h.archive;
            a.post("dmaengine", message("v1@x", AUTHOR, LIST, "[PATCH] dmaengine: foo: allocate descriptors",
                    t("2026-11-19T12:00:00Z"), null, diff("drivers/dma/foo.c", "\tret = 0;", BAD_ALLOC)));
            String first = digest(h, "2026-11-20T09:00:00Z");
            assertTrue(first.contains("Findings ("), first);
            assertFalse(first.contains("Findings fixed"), first);

            a.post("dmaengine", message("v2@x", AUTHOR, LIST, "[PATCH v2] dmaengine: foo: allocate descriptors",
                    t("2026-11-20T12:00:00Z"), null, diff("drivers/dma/foo.c", "\tret = 0;", GOOD_ALLOC)));
            a.post("dmaengine", message("other@x", "Dev Two <two@example.net>", LIST,
                    "[PATCH] dmaengine: bar: allocate", t("2026-11-20T13:00:00Z"), null,
                    diff("drivers/dma/bar.c", "\tret = 0;", BAD_ALLOC)));
            String second = digest(h, "2026-11-21T09:00:00Z");
            int fixed = second.indexOf("Findings fixed by a later version\n");
            assertTrue(fixed > 0, second);
            String section = second.substring(fixed, second.indexOf("\n\n\n", fixed) + 1);
            assertTrue(section.contains("drivers/dma/foo.c:11"), section);
            assertTrue(section.contains("in [PATCH] dmaengine: foo: allocate descriptors\n"
                    + "  https://lore.kernel.org/dmaengine/v1@x/\n"
                    + "  gone in v2 of 2026-11-20:\n  https://lore.kernel.org/dmaengine/v2@x/\n"), section);
            assertFalse(section.contains("bar.c"), "a new finding is not a fixed one: " + section);
            assertTrue(second.contains("New version: v2 of 2026-11-20"), second);
        }
    }

    @Test
    void aPullRequestTouchingTheAreaMergedUpstream() throws Exception {
        try (Harness h = new Harness(dir, SUBSCRIBER)) {
            Archive a = h.archive;
            String pull = "The following changes since commit b3a9e3b9622a:\n\n  Linux 6.12-rc1\n\n"
                    + "are available in the Git repository at:\n\n"
                    + "  git://git.kernel.org/pub/scm/linux/kernel/git/vkoul/dmaengine.git tags/dmaengine-6.13\n\n"
                    + "----------------------------------------------------------------\n"
                    + "Vinod Maintainer (1):\n      dmaengine: foo: use the pool\n\n"
                    + " drivers/dma/foo.c                              | 2 +-\n"
                    + " .../devicetree/bindings/dma/foo-dma.yaml       | 4 ++--\n"
                    + " 2 files changed, 3 insertions(+), 3 deletions(-)\n";
            a.post("dmaengine", message("pull@x", "Vinod Maintainer <vkoul@example.org>", LIST,
                    "[GIT PULL] dmaengine updates for v6.13", t("2026-11-12T12:00:00Z"), null, pull));
            a.post("dmaengine", message("pull-usb@x", "Greg <greg@example.org>", LIST,
                    "[GIT PULL] USB updates for v6.13", t("2026-11-12T13:00:00Z"), null,
                    pull.replace("drivers/dma/foo.c ", "drivers/usb/x.c   ")));
            String merged = "The pull request you sent on Tue, 12 Nov 2026:\n\n"
                    + "> git://git.kernel.org/pub/scm/linux/kernel/git/vkoul/dmaengine.git tags/dmaengine-6.13\n\n"
                    + "has been merged into torvalds/linux.git:\n"
                    + "https://git.kernel.org/torvalds/c/6f51ab9440d1\n\nThank you!\n\n"
                    + "-- \nDeet-doot-dot, I am a bot.\n";
            a.post("dmaengine", message("173.pr-tracker-bot@kernel.org", "pr-tracker-bot@kernel.org", LIST,
                    "Re: [GIT PULL] dmaengine updates for v6.13", t("2026-11-19T12:00:00Z"), "pull@x", merged));
            a.post("dmaengine", message("174.pr-tracker-bot@kernel.org", "pr-tracker-bot@kernel.org", LIST,
                    "Re: [GIT PULL] USB updates for v6.13", t("2026-11-19T12:00:00Z"), "pull-usb@x", merged));

            String text = digest(h, "2026-11-20T09:00:00Z");
            assertTrue(text.contains("[GIT PULL] dmaengine updates for v6.13\n"
                    + "  Vinod Maintainer, pull request\n"
                    + "  Merged by pr-tracker-bot@kernel.org into torvalds/linux.git (pull\n    request)\n"
                    + "  1 reply: pr-tracker-bot@kernel.org\n"
                    + "  https://lore.kernel.org/dmaengine/pull@x/\n"), text);
            assertFalse(text.contains("USB updates"), "outside the subscriber's paths: " + text);
            assertTrue(text.replaceAll("\\s+", " ").contains("0 patches in your area"), text);
        }
    }
}
