package org.lorebot.bot.state;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A digest subscription as stored. Preferences are kept as the digest code encodes them (the
 * state store does not interpret them).
 *
 * @param address     the subscriber, lower case
 * @param fromConfig  true when a {@code [subscriber]} section vouches for it, false when it came
 *                    by mail
 * @param status      where it stands
 * @param preferences the preferences digests are built with; empty while never confirmed
 * @param pending     preferences asked for by mail and not yet confirmed
 * @param requested   when the pending request was made (it identifies the request)
 * @param confirmed   when it was last confirmed or vouched for
 * @param ended       when it was unsubscribed or removed
 * @param created     when the address was first seen
 */
public record Subscription(String address, boolean fromConfig, SubscriptionStatus status,
                           String preferences, Optional<String> pending, Optional<Instant> requested,
                           Optional<Instant> confirmed, Optional<Instant> ended, Instant created) {
    public Subscription {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(preferences, "preferences");
        Objects.requireNonNull(created, "created");
    }

    public boolean active() {
        return status == SubscriptionStatus.ACTIVE;
    }
}
