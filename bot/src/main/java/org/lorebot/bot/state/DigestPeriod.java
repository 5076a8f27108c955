package org.lorebot.bot.state;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One period of one subscriber's digest, once dealt with.
 *
 * @param address   the subscriber
 * @param start     the period's start (exclusive)
 * @param end       its end (inclusive): the boundary the digest was due at
 * @param messageId the digest mail's Message-ID, empty when nothing was new
 * @param items     how many items the digest listed
 * @param at        when it was built
 */
public record DigestPeriod(String address, Instant start, Instant end, Optional<String> messageId,
                           int items, Instant at) {
    public DigestPeriod {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(at, "at");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("period ends before it starts: " + start + " .. " + end);
        }
    }
}
