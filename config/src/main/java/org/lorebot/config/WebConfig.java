package org.lorebot.config;

import java.net.URI;
import java.util.Objects;

/**
 * The {@code [web]} section.
 *
 * @param listen where the web archive listens, {@code host:port}; empty when the web archive is off
 *               (the default)
 * @param url    the archive's public base URL as clients reach it (through a reverse proxy,
 *               say), without a trailing slash; null to build absolute URLs from each request's
 *               {@code Host}
 */
public record WebConfig(String listen, URI url) {

    public WebConfig {
        Objects.requireNonNull(listen, "listen");
    }

    /** No public URL configured. */
    public WebConfig(String listen) {
        this(listen, null);
    }

    /** Whether the web archive is to be served. */
    public boolean enabled() {
        return !listen.isEmpty();
    }
}
