package org.lorebot.bot.digest;

import java.util.Objects;
import org.lorebot.bot.state.SeriesVersion;

/**
 * A finding of the previous period that a later version of its series, posted in this one, no
 * longer has.
 *
 * @param finding the finding as listed then
 * @param fixedIn the later version
 */
public record FixedItem(FindingItem finding, SeriesVersion fixedIn) {
    public FixedItem {
        Objects.requireNonNull(finding, "finding");
        Objects.requireNonNull(fixedIn, "fixedIn");
    }
}
