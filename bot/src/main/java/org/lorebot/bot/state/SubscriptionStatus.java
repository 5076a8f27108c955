package org.lorebot.bot.state;

import java.util.Locale;

/** Where a digest subscription stands. */
public enum SubscriptionStatus {
    /** Asked for by mail, waiting for the owner of the address to confirm; nothing is sent. */
    PENDING,
    /** Confirmed (or vouched for in the configuration): digests are sent. */
    ACTIVE,
    /** The subscriber left; stays so even while the configuration still names them. */
    UNSUBSCRIBED,
    /** Taken out of the configuration by the operator; putting it back reactivates it. */
    REMOVED;

    String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    static SubscriptionStatus ofColumn(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
