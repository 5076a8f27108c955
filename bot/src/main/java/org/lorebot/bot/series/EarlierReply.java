package org.lorebot.bot.series;

import java.util.Objects;
import java.util.Set;

/** A review of an earlier version: its archive link and the keys of what it reported. */
public record EarlierReply(String url, Set<String> findingKeys) {
    public EarlierReply {
        Objects.requireNonNull(url, "url");
        findingKeys = Set.copyOf(findingKeys);
    }
}
