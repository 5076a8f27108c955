package org.lorebot.bot.state;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When to try again after a transient failure: {@code first}, doubling per attempt up to
 * {@code longest}; after {@code maxAttempts} the item fails. {@code archiveLag} is how long an
 * item interrupted mid-delivery waits for the archive to show it before it is sent again.
 */
public record RetrySchedule(Duration first, Duration longest, int maxAttempts, Duration archiveLag) {

    public RetrySchedule {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(longest, "longest");
        Objects.requireNonNull(archiveLag, "archiveLag");
        if (first.isNegative() || first.isZero() || longest.compareTo(first) < 0) {
            throw new IllegalArgumentException("retry delays must be positive and first <= longest");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
    }

    /** One minute doubling to an hour, 24 attempts (about a day), an hour of archive lag. */
    public static RetrySchedule standard() {
        return new RetrySchedule(Duration.ofMinutes(1), Duration.ofHours(1), 24, Duration.ofHours(1));
    }

    /** The time of the next attempt after {@code attempts} failed ones. */
    public Instant next(Instant now, int attempts) {
        Duration d = first;
        for (int i = 1; i < attempts && d.compareTo(longest) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return now.plus(d.compareTo(longest) > 0 ? longest : d);
    }
}
