package org.lorebot.bot.subscription;

import java.time.Instant;
import java.util.Objects;

/**
 * What a valid token says.
 *
 * @param purpose what it allows
 * @param address the subscriber it is for
 * @param issued  when it was made; for a confirmation, the time of the request it confirms
 * @param expires after this it is refused
 */
public record Token(TokenPurpose purpose, String address, Instant issued, Instant expires) {
    public Token {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(issued, "issued");
        Objects.requireNonNull(expires, "expires");
    }
}
