package org.lorebot.bot.digest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lorebot.analyzers.finding.Finding;
import org.lorebot.analyzers.finding.Severity;
import org.lorebot.bot.series.FindingKey;
import org.lorebot.bot.series.PatchMail;
import org.lorebot.bot.series.Series;
import org.lorebot.bot.series.VersionLinker;
import org.lorebot.bot.state.SeriesVersion;

/**
 * Which findings of the previous period a later version, posted in this one, no longer has: the
 * same series (by {@link VersionLinker#key}), and no part of the later version raising the same
 * finding ({@link FindingKey}: rule, file and call, whatever the line).
 */
final class FixFinder {

    private FixFinder() {
    }

    static List<FixedItem> find(Interest interest, Window previous, Window current, Severity min) {
        Map<String, Series> seriesOf = new HashMap<>();
        for (Series s : previous.series()) {
            s.parts().forEach(p -> seriesOf.put(p.messageId(), s));
        }
        Map<String, Series> laterByKey = new HashMap<>();
        for (Series s : current.series()) {
            laterByKey.merge(VersionLinker.key(s), s, (a, b) -> a.firstSeen().isAfter(b.firstSeen()) ? a : b);
        }
        List<FixedItem> out = new ArrayList<>();
        for (MessageFacts m : previous.area(interest).patches()) {
            Series earlier = seriesOf.get(m.messageId());
            if (earlier == null || m.findings().isEmpty()) {
                continue;
            }
            Series later = laterByKey.get(VersionLinker.key(earlier));
            if (later == null || later.parts().isEmpty() || !later.firstSeen().isAfter(earlier.firstSeen())) {
                continue;
            }
            Set<String> stillThere = new HashSet<>();
            for (PatchMail p : later.parts()) {
                current.facts(p.messageId()).findings().forEach(f -> stillThere.add(FindingKey.of(f)));
            }
            for (Finding f : m.findings()) {
                if (f.severity().atLeast(min) && !stillThere.contains(FindingKey.of(f))) {
                    MessageFacts head = current.facts(later.head().messageId());
                    out.add(new FixedItem(new FindingItem(m.messageId(), m.list(), m.subject(), f),
                            new SeriesVersion(VersionLinker.key(later), later.version(), head.messageId(),
                                    head.subject(), head.list(), head.arrived())));
                }
            }
        }
        out.sort(Comparator.comparing((FixedItem i) -> i.finding().finding().severity()).reversed()
                .thenComparing(i -> i.finding().finding().path())
                .thenComparingInt(i -> i.finding().finding().line()));
        return out;
    }
}
