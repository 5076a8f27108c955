package org.lorebot.bot.digest;

import java.util.List;
import java.util.Objects;
import org.lorebot.bot.state.SeriesVersion;

/**
 * A new series, or a new version of one, touching the subscriber's area.
 *
 * @param headId  the cover letter, else the first patch
 * @param list    the inbox it was posted to
 * @param subject the head's subject
 * @param from    the sender
 * @param version its version
 * @param patches how many patches of it arrived
 * @param files   every file it changes, in order
 * @param earlier the earlier versions known, oldest first
 */
public record SeriesItem(String headId, String list, String subject, String from, int version, int patches,
                         List<String> files, List<SeriesVersion> earlier) {
    public SeriesItem {
        Objects.requireNonNull(headId, "headId");
        files = List.copyOf(files);
        earlier = List.copyOf(earlier);
    }
}
