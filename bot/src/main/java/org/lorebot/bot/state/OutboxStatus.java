package org.lorebot.bot.state;

import java.util.Locale;

/** Where an outbox item stands. */
public enum OutboxStatus {
    /** Waiting for its next attempt. */
    PENDING,
    /** Handed to delivery; if the bot stops here, it checks the archive before trying again. */
    SENDING,
    /** Delivered. */
    SENT,
    /** Refused for good, or out of attempts. */
    FAILED;

    String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    static OutboxStatus ofColumn(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
