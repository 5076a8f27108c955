package org.lorebot.bot.digest;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.lorebot.bot.subscription.Preferences;

/**
 * One subscriber's digest for one period, before it is written out.
 *
 * @param address     the subscriber
 * @param start       the period's start (exclusive)
 * @param end         its end (inclusive)
 * @param preferences the subscriber's preferences
 * @param findings    new findings in their area
 * @param fixed       findings of the previous period that a later version fixed
 * @param activity    what happened to series in their area, old ones included
 * @param series      new series and versions in their area
 * @param threads     threads matching their saved searches
 * @param counts      the totals
 */
public record Digest(String address, Instant start, Instant end, Preferences preferences,
                     List<ActivityItem> activity, List<FindingItem> findings, List<FixedItem> fixed,
                     List<SeriesItem> series, List<ThreadItem> threads, DigestCounts counts) {
    public Digest {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(preferences, "preferences");
        activity = List.copyOf(activity);
        findings = List.copyOf(findings);
        fixed = List.copyOf(fixed);
        series = List.copyOf(series);
        threads = List.copyOf(threads);
        Objects.requireNonNull(counts, "counts");
    }

    /** Nothing new: no digest is sent. */
    public boolean isEmpty() {
        return activity.isEmpty() && findings.isEmpty() && fixed.isEmpty() && series.isEmpty() && threads.isEmpty();
    }

    /** How many items it lists. */
    public int items() {
        return activity.size() + findings.size() + fixed.size() + series.size() + threads.size();
    }
}
