package org.lorebot.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The {@code [core]} section.
 *
 * @param data the data directory holding the index, the state database, mirrors and the outbox
 *             ({@code [core] data}, default {@code ./lorebot-data})
 */
public record CoreConfig(Path data) {

    /** The directory used when {@code [core] data} is not set, relative to the configuration file. */
    public static final String DEFAULT_DATA = "lorebot-data";

    public CoreConfig {
        Objects.requireNonNull(data, "data");
    }

    /** The bot's state database (replies, outbox, subscriptions, digests): {@code <data>/state.sqlite}. */
    public Path state() {
        return data.resolve("state.sqlite");
    }
}
