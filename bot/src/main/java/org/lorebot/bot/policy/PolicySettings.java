package org.lorebot.bot.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.lorebot.analyzers.finding.Severity;
import org.lorebot.config.ReviewConfig;

/**
 * What the review policy allows, from the {@code [review]} section of the configuration.
 *
 * @param lists            inboxes the bot may post to (none by default)
 * @param minSeverity      the least severe finding worth a mail (warning by default)
 * @param botAddresses     the bot's own addresses, never answered
 * @param ignoreSenders    senders never answered: addresses, or {@code @domain} for a whole domain
 * @param maintainers      addresses allowed to send {@code #lorebot} commands besides the author
 * @param maxPerHour       replies per hour over all lists
 * @param maxPerListPerDay replies per list per day
 * @param embargo          how long a patch is left to humans before the bot answers
 * @param since            review nothing older; empty means "from the first run on"
 */
public record PolicySettings(Set<String> lists, Severity minSeverity, Set<String> botAddresses,
                             Set<String> ignoreSenders, Set<String> maintainers, int maxPerHour,
                             int maxPerListPerDay, Duration embargo, Optional<Instant> since) {

    public PolicySettings {
        lists = Set.copyOf(lists);
        Objects.requireNonNull(minSeverity, "minSeverity");
        botAddresses = lower(botAddresses);
        ignoreSenders = lower(ignoreSenders);
        maintainers = lower(maintainers);
        if (maxPerHour < 0 || maxPerListPerDay < 0) {
            throw new IllegalArgumentException("rate limits must not be negative");
        }
        embargo = embargo == null ? Duration.ZERO : embargo;
        if (embargo.isNegative()) {
            throw new IllegalArgumentException("embargo must not be negative: " + embargo);
        }
        since = since == null ? Optional.empty() : since;
    }

    /** The {@code [review]} section's settings for a bot sending as {@code botAddresses}. */
    public static PolicySettings from(ReviewConfig review, Set<String> botAddresses) {
        return new PolicySettings(Set.copyOf(review.lists()), Severity.parse(review.minSeverity()), botAddresses,
                Set.copyOf(review.ignoreSenders()), Set.copyOf(review.maintainers()), review.maxPerHour(),
                review.maxPerListPerDay(), review.embargo(), review.since());
    }

    /** The configuration's defaults: no list, warnings and errors. */
    public static PolicySettings defaults(String botAddress) {
        return from(ReviewConfig.defaults(), Set.of(botAddress));
    }

    public PolicySettings withLists(Set<String> newLists) {
        return new PolicySettings(newLists, minSeverity, botAddresses, ignoreSenders, maintainers,
                maxPerHour, maxPerListPerDay, embargo, since);
    }

    private static Set<String> lower(Set<String> addresses) {
        return addresses.stream().map(a -> a.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }
}
