package org.lorebot.bot.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lorebot.analyzers.finding.Finding;
import org.lorebot.analyzers.finding.Severity;
import org.lorebot.analyzers.patch.DiffLine;
import org.lorebot.bot.series.PatchMail;
import org.lorebot.config.LorebotConfig;
import org.lorebot.index.mail.Address;
import org.lorebot.index.mail.MailMessage;

class ReviewPolicyTest {

    static final Instant FIRST_RUN = Instant.parse("2026-11-01T00:00:00Z");
    static final Instant SENT = Instant.parse("2026-11-21T10:00:00Z");
    static final Instant NOW = SENT.plus(Duration.ofMinutes(5));

    static final String DIFF = "Signed-off-by: Dev <dev@example.net>\n---\n"
            + "diff --git a/drivers/foo.c b/drivers/foo.c\n"
            + "index 1111111..2222222 100644\n"
            + "--- a/drivers/foo.c\n+++ b/drivers/foo.c\n"
            + "@@ -10,2 +10,2 @@\n"
            + "-\tbuf = kmalloc(64, GFP_KERNEL);\n"
            + "+\tbuf = kmalloc(64, GFP_DMA);\n"
            + " \treturn 0;\n";

    static PatchMail mail(String id, String from, String subject, String body) {
        return PatchMail.of(new MailMessage(id, subject, new Address("", from), List.of(), List.of(), SENT,
                null, List.of(), null, body));
    }

    static Finding finding(String rule, Severity severity) {
        return new Finding(rule, severity, "drivers/foo.c", 10,
                List.of(new DiffLine(DiffLine.Kind.ADDED, "\tbuf = kmalloc(64, GFP_DMA);", 0, 10)),
                "m", "e", "f", List.of());
    }

    private final PolicySettings settings = PolicySettings.defaults("lorebot@example.org")
            .withLists(Set.of("linux-mm"));
    private final ReviewPolicy policy = new ReviewPolicy(settings);
    private final ReviewHistory fresh = new ReviewHistory(false, 0, 0, FIRST_RUN, Set.of());
    private final PatchMail patch = mail("p@x", "dev@example.net", "[PATCH v2 1/2] foo: use DMA", DIFF);

    private Reason admit(PatchMail m) {
        return policy.admit(m, "linux-mm", fresh, NOW).reason();
    }

    @Test
    void postsNowhereByDefault() {
        ReviewPolicy closed = new ReviewPolicy(PolicySettings.defaults("lorebot@example.org"));
        Decision d = closed.admit(patch, "linux-mm", fresh, NOW);
        assertEquals(Verdict.SKIP, d.verdict());
        assertEquals(Reason.LIST_NOT_ALLOWED, d.reason());
        assertEquals(Reason.LIST_NOT_ALLOWED, policy.admit(patch, "netdev", fresh, NOW).reason());
        assertEquals(Reason.ADMITTED, admit(patch));
    }

    @Test
    void neverAnswersItselfOrIgnoredSenders() {
        assertEquals(Reason.OWN_MAIL, admit(mail("x@y", "LoreBot@example.org", "[PATCH] foo", DIFF)));
        assertEquals(Reason.OWN_MAIL, admit(mail("lorebot.0a1b@example.org", "list-rewritten@kvack.org", "[PATCH] foo", DIFF)));
        ReviewPolicy p = new ReviewPolicy(new PolicySettings(Set.of("linux-mm"), Severity.WARNING,
                Set.of("lorebot@example.org"), Set.of("noisy@example.net", "@bots.example.com"), Set.of(), 10, 20,
                Duration.ZERO, Optional.empty()));
        assertEquals(Reason.IGNORED_SENDER, p.admit(mail("a@x", "Noisy@example.net", "[PATCH] foo", DIFF), "linux-mm", fresh, NOW).reason());
        assertEquals(Reason.IGNORED_SENDER, p.admit(mail("b@x", "ci@bots.example.com", "[PATCH] foo", DIFF), "linux-mm", fresh, NOW).reason());
        assertEquals(Reason.ADMITTED, p.admit(mail("c@x", "ci@example.com", "[PATCH] foo", DIFF), "linux-mm", fresh, NOW).reason());
    }

    @Test
    void onlyPatchesNotRepliesCoverLettersOrQuotedDiffs() {
        assertEquals(Reason.REPLY, admit(mail("r@x", "hch@lst.de", "Re: [PATCH v2 1/2] foo: use DMA", DIFF)));
        assertEquals(Reason.COVER_LETTER, admit(mail("c@x", "dev@example.net", "[PATCH v2 0/2] foo: cleanups",
                "This series...\n\nDev (2):\n  foo: one\n  foo: two\n")));
        assertEquals(Reason.NO_DIFF, admit(mail("q@x", "dev@example.net", "[PATCH] foo: question",
                "You wrote:\n> +\tbuf = kmalloc(64, GFP_DMA);\nWhy?\n")));
    }

    @Test
    void aPatchDatedBeforeTheFirstRunIsStillAdmittedWhenItArrivesNew() {
        // a patch held in a moderation queue: its Date is older than the bot's first run
        ReviewHistory newBot = new ReviewHistory(false, 0, 0, SENT.plus(Duration.ofDays(5)), Set.of());
        assertEquals(Reason.ADMITTED, policy.admit(patch, "linux-mm", newBot, NOW).reason());
    }

    @Test
    void answersEachPatchVersionOnce() {
        ReviewHistory answered = new ReviewHistory(true, 0, 0, FIRST_RUN, Set.of());
        assertEquals(Reason.ALREADY_ANSWERED, policy.admit(patch, "linux-mm", answered, NOW).reason());
    }

    @Test
    void embargoMakesItWait() {
        ReviewPolicy embargoed = new ReviewPolicy(new PolicySettings(Set.of("linux-mm"), Severity.WARNING,
                Set.of("lorebot@example.org"), Set.of(), Set.of(), 10, 20, Duration.ofHours(24), Optional.empty()));
        Decision d = embargoed.admit(patch, "linux-mm", fresh, NOW);
        assertEquals(Verdict.WAIT, d.verdict());
        assertEquals(Reason.EMBARGO, d.reason());
        assertEquals(Optional.of(SENT.plus(Duration.ofHours(24))), d.retryAt());
        assertEquals(Verdict.REVIEW, embargoed.admit(patch, "linux-mm", fresh, SENT.plus(Duration.ofHours(24))).verdict());
    }

    @Test
    void infoStaysOutAndSilencedRulesAreDropped() {
        Finding info = finding("DMA020", Severity.INFO);
        Finding warning = finding("DMA001", Severity.WARNING);
        Finding error = finding("DMA003", Severity.ERROR);
        assertEquals(Reason.NOTHING_TO_REPORT, policy.decide(patch, "linux-mm", List.of(info), fresh, NOW).reason());
        Decision d = policy.decide(patch, "linux-mm", List.of(info, warning, error), fresh, NOW);
        assertEquals(Verdict.REVIEW, d.verdict());
        assertEquals(List.of(warning, error), d.findings());
        ReviewHistory silenced = new ReviewHistory(false, 0, 0, FIRST_RUN, Set.of("DMA001"));
        assertEquals(List.of(error), policy.decide(patch, "linux-mm", List.of(warning, error), silenced, NOW).findings());
        assertEquals(Reason.NOTHING_TO_REPORT, policy.decide(patch, "linux-mm", List.of(warning), silenced, NOW).reason());
        assertEquals(Reason.NOTHING_TO_REPORT, policy.decide(patch, "linux-mm", List.of(), fresh, NOW).reason());
    }

    @Test
    void settingsComeFromTheReviewSection() throws Exception {
        LorebotConfig config = LorebotConfig.parse(Path.of("lorebot.conf"), """
                [inbox "linux-mm"]
                    path = mirrors/linux-mm
                    address = linux-mm@kvack.org
                [inbox "netdev"]
                    path = mirrors/netdev
                    address = netdev@vger.kernel.org
                [review]
                    lists = linux-mm netdev
                    min-severity = error
                    ignore-sender = Noisy@example.net
                    maintainer = akpm@linux-foundation.org
                    max-per-hour = 3
                    max-per-list-per-day = 7
                    embargo = 2h
                    since = 2026-01-01
                """);
        PolicySettings s = PolicySettings.from(config.review(), Set.of("lorebot@example.org"));
        assertEquals(Set.of("linux-mm", "netdev"), s.lists());
        assertEquals(Severity.ERROR, s.minSeverity());
        assertEquals(Set.of("noisy@example.net"), s.ignoreSenders());
        assertEquals(Set.of("akpm@linux-foundation.org"), s.maintainers());
        assertEquals(3, s.maxPerHour());
        assertEquals(7, s.maxPerListPerDay());
        assertEquals(Duration.ofHours(2), s.embargo());
        assertEquals(Optional.of(Instant.parse("2026-01-01T00:00:00Z")), s.since());
        PolicySettings d = PolicySettings.defaults("lorebot@example.org");
        assertEquals(Set.of(), d.lists());
        assertEquals(Severity.WARNING, d.minSeverity());
    }

    @Test
    void rateLimitsMakeItWait() {
        ReviewPolicy policy = new ReviewPolicy(new PolicySettings(Set.of("linux-mm"), Severity.WARNING,
                Set.of("lorebot@example.org"), Set.of(), Set.of(), 10, 20, Duration.ZERO, Optional.empty()));
        List<Finding> one = List.of(finding("DMA001", Severity.WARNING));
        Decision hourly = policy.decide(patch, "linux-mm", one, new ReviewHistory(false, 10, 0, FIRST_RUN, Set.of()), NOW);
        assertEquals(Verdict.WAIT, hourly.verdict());
        assertEquals(Reason.HOURLY_LIMIT, hourly.reason());
        assertEquals(Optional.of(NOW.plus(Duration.ofHours(1))), hourly.retryAt());
        Decision daily = policy.decide(patch, "linux-mm", one, new ReviewHistory(false, 9, 20, FIRST_RUN, Set.of()), NOW);
        assertEquals(Reason.DAILY_LIST_LIMIT, daily.reason());
        assertEquals(Reason.REPORT, policy.decide(patch, "linux-mm", one, new ReviewHistory(false, 9, 19, FIRST_RUN, Set.of()), NOW).reason());
        assertEquals("wait (the hourly reply limit is reached): 10 per hour", hourly.describe());
    }

    @Test
    void skipReasonsComeBeforeAnalysisResults() {
        PatchMail reply = mail("r@x", "hch@lst.de", "Re: [PATCH] foo", DIFF);
        assertEquals(Reason.REPLY, policy.decide(reply, "linux-mm", List.of(finding("DMA001", Severity.ERROR)), fresh, NOW).reason());
    }
}
