package org.lorebot.index.search;

import java.time.Duration;
import java.util.Objects;

/**
 * What one search may cost, for searches from untrusted users (the web archive).
 *
 * @param timeout       wall-clock time the matching may take; a search past it is abandoned
 * @param maxExpansions how many index terms one trailing-{@code *} word may stand for
 */
public record SearchLimits(Duration timeout, int maxExpansions) {

    public SearchLimits {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        if (maxExpansions < 1) {
            throw new IllegalArgumentException("maxExpansions must be positive: " + maxExpansions);
        }
    }
}
