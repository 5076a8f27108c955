package org.lorebot.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The {@code [delivery]} section: what happens to a composed review reply.
 *
 * @param mode   whether replies are only written to the outbox or also sent
 * @param outbox the Maildir every reply is written to (default {@code <data>/outbox})
 * @param from   the From header of replies, {@code Name <address>} or a bare address
 */
public record DeliveryConfig(Mode mode, Path outbox, String from) {

    public static final String DEFAULT_FROM = "lorebot <lorebot@localhost>";

    /** Delivery modes; posting is off unless asked for. */
    public enum Mode {
        /** Replies go to the outbox Maildir only. */
        DRY_RUN,
        /** Replies go to the outbox and are sent over SMTP. */
        SEND
    }

    public DeliveryConfig {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(outbox, "outbox");
        Objects.requireNonNull(from, "from");
    }
}
