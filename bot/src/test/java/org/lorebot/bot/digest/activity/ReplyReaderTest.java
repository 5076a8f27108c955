package org.lorebot.bot.digest.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the digest learns from a reply's own words, in the forms seen on kernel lists. */
class ReplyReaderTest {

    private static Optional<Acceptance> taken(String body) {
        return ReplyReader.acceptance("20200619105701.GD5396@example.org", body);
    }

    @Test
    void maintainerAppliedToABranchWithThanks() {
        assertEquals(Optional.of(new Acceptance("applied", "spi-nor/next")),
                taken("On Mon, 1 Jun 2020, Dev wrote:\n> fix it\n\nApplied to spi-nor/next. Thanks.\n\nta\n"));
        assertEquals(Optional.of(new Acceptance("applied",
                        "https://git.kernel.org/pub/scm/linux/kernel/git/mtd/linux.git nand/next")),
                taken("Applied to https://git.kernel.org/pub/scm/linux/kernel/git/mtd/linux.git nand/next, thanks.\n"));
    }

    @Test
    void shortFormsAndOtherVerbs() {
        assertEquals(Optional.of(new Acceptance("applied", "")), taken("> patch\nThanks, applied.\n"));
        assertEquals(Optional.of(new Acceptance("applied", "")), taken("Patch applied, thanks.\n"));
        assertEquals(Optional.of(new Acceptance("applied", "")), taken("Applied. Thank you, Sascha!\n"));
        assertEquals(Optional.of(new Acceptance("queued", "5.9")), taken("Queued for 5.9, thanks!\n"));
        assertEquals(Optional.of(new Acceptance("merged",
                        "git://git.kernel.org/pub/scm/linux/kernel/git/mtd/linux.git mtd/next")),
                taken("Merged into git://git.kernel.org/pub/scm/linux/kernel/git/mtd/linux.git mtd/next\n\nThanks!\n"));
    }

    @Test
    void b4StyleTreeOnTheIndentedLineBelow() {
        String body = "On Tue, 26 May 2020 15:05:58 +0530, Dev wrote:\n> This series ...\n> [...]\n\n"
                + "Applied to\n\n   https://git.kernel.org/pub/scm/linux/kernel/git/broonie/spi.git for-next\n\n"
                + "Thanks!\n\n[1/6] mtd: spi-nor: first\n      commit: 834b4e8d3441\n";
        assertEquals(Optional.of(new Acceptance("applied",
                "https://git.kernel.org/pub/scm/linux/kernel/git/broonie/spi.git for-next")), taken(body));
    }

    @Test
    void b4ThankYouMailIsKnownByItsMessageId() {
        assertEquals(Optional.of(new Acceptance("applied", "")),
                ReplyReader.acceptance("159257327821.5984.8587819746986520265.b4-ty@kernel.org",
                        "Thanks, the whole lot is in.\n"));
    }

    @Test
    void prTrackerBotMerge() {
        String body = "The pull request you sent on Tue, 9 Jun 2020:\n\n"
                + "> git://git.kernel.org/pub/scm/linux/kernel/git/mtd/linux.git tags/mtd/for-5.8\n\n"
                + "has been merged into torvalds/linux.git:\n"
                + "https://git.kernel.org/torvalds/c/6f51ab9440d1\n\nThank you!\n\n-- \nDeet-doot-dot, I am a bot.\n";
        Optional<Acceptance> a = ReplyReader.acceptance("1591.pr-tracker-bot@kernel.org", body);
        assertEquals(Optional.of(new Acceptance("merged", "torvalds/linux.git")), a);
        assertEquals(true, a.get().merged());
    }

    @Test
    void discussionIsNotAcceptance() {
        assertEquals(Optional.empty(), taken("> Applied to spi-nor/next. Thanks.\n\nWhy was this applied?\n"));
        assertEquals(Optional.empty(), taken("Applied to the 4 bits, this would mean it works for all.\n"));
        assertEquals(Optional.empty(), taken("The fix is only needed once the rework is\napplied. I don't mind.\n"));
        assertEquals(Optional.empty(), taken("Applied, but it breaks the build on arm64.\n"));
        assertEquals(Optional.empty(), taken("Can this be applied?\n"));
        assertEquals(Optional.empty(), taken("Looks fine.\n\n-- \nApplied, thanks.\n"));
    }

    @Test
    void trailersGivenInTheRepliersOwnWords() {
        String body = "On 6/19/20 1:57 PM, Mark wrote:\n> Reviewed-by: Quoted Person <q@example.org>\n\n"
                + "There's a small conflict on 8/8. With that addressed:\n\n"
                + "Acked-by: Tudor Ambarus <tudor.ambarus@microchip.com>\n"
                + "reviewed-by: \"Doe, Jane\" <jane@example.org>\n"
                + "Tested-by: <tester@example.org>\n"
                + "Signed-off-by: Not Given <n@example.org>\n";
        assertEquals(List.of(new GivenTrailer("Acked-by", "Tudor Ambarus"),
                        new GivenTrailer("Reviewed-by", "Doe, Jane"),
                        new GivenTrailer("Tested-by", "tester@example.org")),
                ReplyReader.trailers(body));
    }
}
