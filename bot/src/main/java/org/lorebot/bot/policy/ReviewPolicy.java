package org.lorebot.bot.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.lorebot.analyzers.finding.Finding;
import org.lorebot.bot.series.PatchMail;

/**
 * Decides, per patch, whether the bot answers: only on lists it is allowed on, only patches
 * (never replies, cover letters or mail without a diff), never its own mail or ignored senders,
 * once per patch version, nothing from before reviewing began, not during the embargo, within
 * the rate limits, and only when a finding at or above the minimum severity, not silenced for
 * the series, is left. Pure: the state is read beforehand into a {@link ReviewHistory}.
 */
public final class ReviewPolicy {

    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration DAY = Duration.ofDays(1);

    private final PolicySettings settings;

    public ReviewPolicy(PolicySettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * The checks that need no analysis: whether the patch may be reviewed at all. A
     * {@link Verdict#REVIEW} here means "analyze it", with reason {@link Reason#ADMITTED}.
     */
    public Decision admit(PatchMail mail, String list, ReviewHistory history, Instant now) {
        String sender = mail.sender();
        if (!settings.lists().contains(list)) {
            return Decision.skip(Reason.LIST_NOT_ALLOWED, list);
        }
        if (settings.botAddresses().contains(sender) || isOwnMessageId(mail.messageId())) {
            return Decision.skip(Reason.OWN_MAIL, mail.messageId());
        }
        if (isIgnored(sender)) {
            return Decision.skip(Reason.IGNORED_SENDER, sender);
        }
        if (mail.tags().reply()) {
            return Decision.skip(Reason.REPLY, mail.message().subject());
        }
        if (mail.tags().isCoverLetterNumber() || mail.patch().isCoverLetter()) {
            return Decision.skip(Reason.COVER_LETTER, mail.message().subject());
        }
        if (!mail.patch().hasDiff()) {
            return Decision.skip(Reason.NO_DIFF, mail.message().subject());
        }
        // Whether mail is new is the archive's order, decided before the policy sees it: a
        // patch held in a moderation queue, or sent from a machine with a wrong clock, is new.
        if (history.answered()) {
            return Decision.skip(Reason.ALREADY_ANSWERED, mail.messageId());
        }
        Instant embargoEnds = mail.message().date().plus(settings.embargo());
        if (now.isBefore(embargoEnds)) {
            return Decision.waitUntil(Reason.EMBARGO, "until " + embargoEnds, embargoEnds);
        }
        return new Decision(Verdict.REVIEW, Reason.ADMITTED, list, Optional.empty(), List.of());
    }

    /**
     * The full decision once the patch is analyzed: {@link #admit}, then the findings worth a
     * mail (severity, silences), then the rate limits.
     */
    public Decision decide(PatchMail mail, String list, List<Finding> findings, ReviewHistory history, Instant now) {
        Decision admitted = admit(mail, list, history, now);
        if (admitted.verdict() != Verdict.REVIEW) {
            return admitted;
        }
        List<Finding> worth = findings.stream()
                .filter(f -> f.severity().atLeast(settings.minSeverity()))
                .filter(f -> !history.silencedRules().contains(f.ruleId().toUpperCase(Locale.ROOT)))
                .toList();
        if (worth.isEmpty()) {
            return Decision.skip(Reason.NOTHING_TO_REPORT, findings.size() + " finding(s) below "
                    + settings.minSeverity().word() + " or silenced");
        }
        if (history.postsLastHour() >= settings.maxPerHour()) {
            return Decision.waitUntil(Reason.HOURLY_LIMIT, settings.maxPerHour() + " per hour", now.plus(HOUR));
        }
        if (history.postsToListLastDay() >= settings.maxPerListPerDay()) {
            return Decision.waitUntil(Reason.DAILY_LIST_LIMIT, settings.maxPerListPerDay() + " per day on " + list,
                    now.plus(DAY));
        }
        return new Decision(Verdict.REVIEW, Reason.REPORT, worth.size() + " finding(s)", Optional.empty(), worth);
    }

    private boolean isIgnored(String sender) {
        if (settings.ignoreSenders().contains(sender)) {
            return true;
        }
        int at = sender.lastIndexOf('@');
        return at >= 0 && (settings.ignoreSenders().contains(sender.substring(at))
                || settings.ignoreSenders().contains("*" + sender.substring(at)));
    }

    // The bot's Message-IDs are lorebot.<hash>@<its domain>: recognisable even when a list
    // rewrites From (DMARC munging) and the address check would miss it.
    private boolean isOwnMessageId(String messageId) {
        String id = messageId.toLowerCase(Locale.ROOT);
        if (!id.startsWith("lorebot.")) {
            return false;
        }
        for (String bot : settings.botAddresses()) {
            int at = bot.lastIndexOf('@');
            if (at >= 0 && id.endsWith(bot.substring(at))) {
                return true;
            }
        }
        return false;
    }
}
