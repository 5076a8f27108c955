package org.lorebot.config;

import java.util.Objects;

/**
 * The {@code [web]} section.
 *
 * @param listen where the web archive listens, {@code host:port}; empty when the web archive is off
 *               (the default)
 */
public record WebConfig(String listen) {

    public WebConfig {
        Objects.requireNonNull(listen, "listen");
    }

    /** Whether the web archive is to be served. */
    public boolean enabled() {
        return !listen.isEmpty();
    }
}
