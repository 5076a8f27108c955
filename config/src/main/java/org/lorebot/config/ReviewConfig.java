package org.lorebot.config;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code [review]} section: where and how often the bot may answer.
 *
 * @param lists            the inboxes the bot may post review replies to; empty (the default) mutes
 *                         it everywhere
 * @param since            on an inbox's first pass, messages dated from this on are reviewed;
 *                         empty (the default) means the first pass reviews nothing: only mail
 *                         that reaches the archive after it is new
 * @param minSeverity      the lowest finding severity that goes into a reply: {@code info},
 *                         {@code warning} (default) or {@code error}
 * @param grace            how long to wait for the rest of a series before reviewing it
 * @param embargo          how long to hold a reply before it is delivered
 * @param ignoreSenders    addresses (lower case) never answered
 * @param maintainers      addresses (lower case) besides the author allowed to send
 *                         {@code #lorebot ignore}
 * @param maxPerHour       the most replies in any hour, over all lists
 * @param maxPerListPerDay the most replies to one list in any day
 * @param noteRepeats      whether a finding already raised on an earlier version of the series is
 *                         mentioned again
 * @param pollInterval     how often the daemon fetches and ingests new mail
 * @param maxAge           new mail dated more than this before it reached the archive is
 *                         indexed but not answered
 */
public record ReviewConfig(List<String> lists, Optional<Instant> since, String minSeverity,
                           Duration grace, Duration embargo, List<String> ignoreSenders,
                           List<String> maintainers, int maxPerHour, int maxPerListPerDay,
                           boolean noteRepeats, Duration pollInterval, Duration maxAge) {

    /** The accepted values of {@code min-severity}, lowest first. */
    public static final List<String> SEVERITIES = List.of("info", "warning", "error");

    public ReviewConfig {
        lists = List.copyOf(lists);
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(minSeverity, "minSeverity");
        Objects.requireNonNull(grace, "grace");
        Objects.requireNonNull(embargo, "embargo");
        ignoreSenders = List.copyOf(ignoreSenders);
        maintainers = List.copyOf(maintainers);
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(maxAge, "maxAge");
    }

    /** The documented defaults: muted everywhere. */
    public static ReviewConfig defaults() {
        return new ReviewConfig(List.of(), Optional.empty(), "warning", Duration.ofMinutes(10),
                Duration.ZERO, List.of(), List.of(), 20, 50, false, Duration.ofSeconds(60),
                Duration.ofDays(30));
    }

    /** Whether the bot may post to the named list. */
    public boolean mayPostTo(String list) {
        return lists.contains(list);
    }
}
