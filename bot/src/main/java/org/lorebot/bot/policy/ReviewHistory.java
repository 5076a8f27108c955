package org.lorebot.bot.policy;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * What the state knows that bears on one patch, gathered before the policy is asked.
 *
 * @param answered           this patch, or another posting of the same patch version, was answered
 * @param postsLastHour      replies queued in the last hour, all lists
 * @param postsToListLastDay replies queued on this list in the last day
 * @param firstRun           when the bot first ran (the default start of reviewing)
 * @param silencedRules      rules silenced by {@code #lorebot ignore} in this series
 */
public record ReviewHistory(boolean answered, int postsLastHour, int postsToListLastDay, Instant firstRun,
                            Set<String> silencedRules) {
    public ReviewHistory {
        Objects.requireNonNull(firstRun, "firstRun");
        silencedRules = Set.copyOf(silencedRules);
    }
}
