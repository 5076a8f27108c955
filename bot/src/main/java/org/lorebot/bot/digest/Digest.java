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
 * @param series      new series and versions in their area
 * @param threads     threads matching their saved searches
 * @param counts      the totals
 */
public record Digest(String address, Instant start, Instant end, Preferences preferences,
                     List<FindingItem> findings, List<SeriesItem> series, List<ThreadItem> threads,
                     DigestCounts counts) {
    public Digest {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(preferences, "preferences");
        findings = List.copyOf(findings);
        series = List.copyOf(series);
        threads = List.copyOf(threads);
        Objects.requireNonNull(counts, "counts");
    }

    /** Nothing new: no digest is sent. */
    public boolean isEmpty() {
        return findings.isEmpty() && series.isEmpty() && threads.isEmpty();
    }

    /** How many items it lists. */
    public int items() {
        return findings.size() + series.size() + threads.size();
    }
}
