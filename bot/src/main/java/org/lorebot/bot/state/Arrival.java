package org.lorebot.bot.state;

import java.time.Instant;
import java.util.Objects;

/**
 * A message as the digest saw it arrive in the archive.
 *
 * @param messageId the Message-ID
 * @param list      the inbox it arrived in
 * @param arrived   when it arrived, as far as the digest can tell
 */
public record Arrival(String messageId, String list, Instant arrived) {
    public Arrival {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(arrived, "arrived");
    }
}
