package org.lorebot.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The {@code [digest]} section: what maintainer digests and their subscriptions need.
 *
 * @param secretFile          the key confirmation and unsubscribe tokens are signed with
 *                            (default {@code <data>/digest.key}, created on first use)
 * @param maintainersFile     the kernel's MAINTAINERS file, for {@code maintainers-entry}; null
 *                            when not configured
 * @param tokenLifetime       how long a confirmation token stays valid (default 3 days)
 * @param unsubscribeLifetime how long the unsubscribe link of a digest stays valid (default 90
 *                            days)
 * @param webUrl              the public base URL of lorebot's web server, for one-click
 *                            unsubscribe links (RFC 8058); null when only mail unsubscribes
 */
public record DigestConfig(Path secretFile, Path maintainersFile, Duration tokenLifetime,
                           Duration unsubscribeLifetime, URI webUrl) {

    public static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofDays(3);
    public static final Duration DEFAULT_UNSUBSCRIBE_LIFETIME = Duration.ofDays(90);

    public DigestConfig {
        Objects.requireNonNull(secretFile, "secretFile");
        Objects.requireNonNull(tokenLifetime, "tokenLifetime");
        Objects.requireNonNull(unsubscribeLifetime, "unsubscribeLifetime");
    }

    /** The documented defaults for data kept in {@code data}. */
    public static DigestConfig defaults(Path data) {
        return new DigestConfig(data.resolve("digest.key"), null, DEFAULT_TOKEN_LIFETIME,
                DEFAULT_UNSUBSCRIBE_LIFETIME, null);
    }
}
