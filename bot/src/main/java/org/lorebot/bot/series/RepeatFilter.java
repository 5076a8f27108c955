package org.lorebot.bot.series;

import java.util.ArrayList;
import java.util.List;
import org.lorebot.analyzers.finding.Finding;

/** Splits findings into those not reported before and those an earlier version's review made. */
public final class RepeatFilter {

    /** The findings to report, and those to mention at most in one line. */
    public record Split(List<Finding> fresh, List<Repeat> repeats) {
        public Split {
            fresh = List.copyOf(fresh);
            repeats = List.copyOf(repeats);
        }
    }

    private RepeatFilter() {
    }

    /** @param earlier reviews of earlier versions, oldest first */
    public static Split split(List<Finding> findings, List<EarlierReply> earlier) {
        List<Finding> fresh = new ArrayList<>();
        List<Repeat> repeats = new ArrayList<>();
        for (Finding f : findings) {
            String key = FindingKey.of(f);
            EarlierReply first = earlier.stream().filter(r -> r.findingKeys().contains(key)).findFirst().orElse(null);
            if (first == null) {
                fresh.add(f);
            } else {
                repeats.add(new Repeat(f, first.url()));
            }
        }
        return new Split(fresh, repeats);
    }
}
