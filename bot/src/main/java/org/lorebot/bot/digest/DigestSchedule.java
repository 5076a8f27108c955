package org.lorebot.bot.digest;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import org.lorebot.bot.subscription.Preferences;
import org.lorebot.config.SubscriberConfig.Frequency;

/**
 * When digests fall due. A period boundary is the subscriber's hour on every day (daily) or on
 * their day of the week (weekly), in their time zone; across a DST change the local hour is
 * kept, and an hour the change skips is taken as the first instant after the gap (as
 * {@link ZonedDateTime#of} resolves it). A digest is due at a boundary once it has passed.
 */
public final class DigestSchedule {

    private DigestSchedule() {
    }

    /** The latest boundary at or before {@code now}. */
    public static Instant latestBoundary(Preferences p, Instant now) {
        LocalDate date = now.atZone(p.zone()).toLocalDate();
        if (p.frequency() == Frequency.WEEKLY) {
            date = date.with(TemporalAdjusters.previousOrSame(p.day()));
        }
        Instant b = at(p, date);
        if (b.isAfter(now)) {
            b = at(p, date.minusDays(step(p)));
        }
        return b;
    }

    /** The boundary before {@code boundary}: a day or a week earlier in local time. */
    public static Instant previousBoundary(Preferences p, Instant boundary) {
        return latestBoundary(p, boundary.minusMillis(1));
    }

    /** The first boundary after {@code now}. */
    public static Instant nextBoundary(Preferences p, Instant now) {
        Instant b = latestBoundary(p, now.plus(Duration.ofDays(step(p) + 1L)));
        for (Instant before = previousBoundary(p, b); before.isAfter(now); before = previousBoundary(p, b)) {
            b = before;
        }
        return b;
    }

    private static Instant at(Preferences p, LocalDate date) {
        return ZonedDateTime.of(date, LocalTime.of(p.hour(), 0), p.zone()).toInstant();
    }

    private static int step(Preferences p) {
        return p.frequency() == Frequency.WEEKLY ? 7 : 1;
    }
}
