package org.lorebot.bot.digest;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.lorebot.bot.digest.activity.GivenTrailer;
import org.lorebot.bot.state.SeriesVersion;

/**
 * What happened in the period to one series in the subscriber's area, old or new: all its
 * versions' threads taken together.
 *
 * @param headId      the latest version's cover letter, else first patch
 * @param list        its inbox
 * @param subject     its subject
 * @param author      who posted it
 * @param version     its version; 0 for a pull request
 * @param taken       replies saying it was applied or merged
 * @param newVersions versions posted in the period that follow an earlier one
 * @param trailers    Reviewed-by, Acked-by and Tested-by given in the period, each once
 * @param replies     how many replies the period brought
 * @param repliers    who wrote them, each once, in order
 * @param last        when the last of it arrived
 */
public record ActivityItem(String headId, String list, String subject, String author, int version,
                           List<TakenItem> taken, List<SeriesVersion> newVersions, List<GivenTrailer> trailers,
                           int replies, List<String> repliers, Instant last) {
    public ActivityItem {
        Objects.requireNonNull(headId, "headId");
        taken = List.copyOf(taken);
        newVersions = List.copyOf(newVersions);
        trailers = List.copyOf(trailers);
        repliers = List.copyOf(repliers);
        Objects.requireNonNull(last, "last");
    }

    /** 0 when applied or merged, 1 for a new version, 2 for new trailers, 3 for replies only. */
    int rank() {
        return !taken.isEmpty() ? 0 : !newVersions.isEmpty() ? 1 : !trailers.isEmpty() ? 2 : 3;
    }
}
