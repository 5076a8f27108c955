package org.lorebot.bot.state;

import java.time.Instant;
import java.util.Objects;

/**
 * A {@code #lorebot ignore} command that was accepted: the rule stays quiet for the series and
 * its later versions.
 */
public record Silence(String seriesKey, String ruleId, String byAddress, String commandMessageId, Instant at) {
    public Silence {
        Objects.requireNonNull(seriesKey, "seriesKey");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(byAddress, "byAddress");
        Objects.requireNonNull(commandMessageId, "commandMessageId");
        Objects.requireNonNull(at, "at");
    }
}
