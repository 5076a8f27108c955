package org.lorebot.bot.digest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.lorebot.analyzers.finding.Finding;
import org.lorebot.bot.series.PatchMail;
import org.lorebot.bot.series.Series;
import org.lorebot.bot.series.VersionLinker;
import org.lorebot.bot.state.SeriesVersion;

/**
 * Puts one subscriber's digest together from the period's messages: what happened to the series
 * in their area, findings (new ones, and the previous period's that a later version fixed), new
 * series, threads matching their saved searches, and the counts.
 */
final class DigestBuilder {

    private final Function<String, List<SeriesVersion>> history;
    // Shared by the threads building digests in parallel; keyed by window, then series or search.
    private final Map<Window, Map<String, SeriesItem>> items = Collections.synchronizedMap(new IdentityHashMap<>());
    private final Map<Window, Map<String, List<ThreadItem>>> threads = Collections.synchronizedMap(new IdentityHashMap<>());
    private final Map<Window, Map<String, List<ActivityItem>>> activity = Collections.synchronizedMap(new IdentityHashMap<>());

    /** @param history the known versions of a series, by series key */
    DigestBuilder(Function<String, List<SeriesVersion>> history) {
        this.history = history;
    }

    /**
     * @param previous the period before, for the findings a later version fixed; null when unknown
     * @param matches  for each saved search, the Message-IDs it matches (at least those of the window)
     */
    Digest build(String address, Interest interest, Window window, Window previous,
                 Map<String, Set<String>> matches) {
        int messages = window.messagesOn(interest.preferences().lists());
        int patches = 0;
        List<FindingItem> findings = new ArrayList<>();
        List<SeriesItem> series = new ArrayList<>();
        List<ActivityItem> active = List.of();
        List<FixedItem> fixed = List.of();
        if (interest.hasArea()) {
            active = activity.computeIfAbsent(window, w -> new ConcurrentHashMap<>())
                    .computeIfAbsent(interest.areaKey(), k -> ActivityFinder.find(interest, window, history));
            if (previous != null) {
                fixed = FixFinder.find(interest, previous, window, interest.preferences().minSeverity());
            }
            Window.Area area = window.area(interest);
            for (MessageFacts m : area.patches()) {
                if (!m.files().isEmpty()) {
                    patches++;
                }
                for (Finding f : m.findings()) {
                    if (f.severity().atLeast(interest.preferences().minSeverity())) {
                        findings.add(new FindingItem(m.messageId(), m.list(), m.subject(), f));
                    }
                }
            }
            findings.sort(Comparator.comparing((FindingItem i) -> i.finding().severity()).reversed()
                    .thenComparing(i -> window.facts(i.messageId()).arrived())
                    .thenComparing(i -> i.finding().path())
                    .thenComparingInt(i -> i.finding().line()));
            for (Series s : area.series()) {
                series.add(items.computeIfAbsent(window, w -> new ConcurrentHashMap<>())
                        .computeIfAbsent(s.head().messageId(), k -> item(s, window)));
            }
        }
        List<ThreadItem> threads = threads(interest, window, matches);
        return new Digest(address, window.start(), window.end(), interest.preferences(), active, findings, fixed,
                series, threads, new DigestCounts(messages, patches, series.size(), active.size(), findings.size(),
                threads.size()));
    }

    private SeriesItem item(Series s, Window window) {
        PatchMail head = s.head();
        MessageFacts facts = window.facts(head.messageId());
        Set<String> files = new LinkedHashSet<>();
        for (PatchMail p : s.parts()) {
            MessageFacts f = window.facts(p.messageId());
            if (f != null) {
                files.addAll(f.files());
            }
        }
        List<SeriesVersion> earlier = history.apply(VersionLinker.key(s)).stream()
                .filter(v -> v.version() < s.version() && !v.messageId().equals(head.messageId()))
                .toList();
        return new SeriesItem(head.messageId(), facts.list(), facts.subject(), facts.from(), s.version(),
                s.parts().size(), new ArrayList<>(files), earlier);
    }

    private List<ThreadItem> threads(Interest interest, Window window, Map<String, Set<String>> matches) {
        List<ThreadItem> out = new ArrayList<>();
        Map<String, List<ThreadItem>> known = threads.computeIfAbsent(window, w -> new ConcurrentHashMap<>());
        for (String query : interest.preferences().queries()) {
            out.addAll(known.computeIfAbsent(query, q -> threads(q, window, matches.getOrDefault(q, Set.of()))));
        }
        return out;
    }

    /** The threads with new messages matching one saved search, shared by its subscribers. */
    private static List<ThreadItem> threads(String query, Window window, Set<String> ids) {
        Map<String, List<MessageFacts>> byThread = new LinkedHashMap<>();
        for (MessageFacts m : window.messages()) {
            if (ids.contains(m.messageId())) {
                byThread.computeIfAbsent(m.thread(), t -> new ArrayList<>()).add(m);
            }
        }
        List<ThreadItem> out = new ArrayList<>();
        for (Map.Entry<String, List<MessageFacts>> e : byThread.entrySet()) {
            MessageFacts first = e.getValue().get(0);
            out.add(new ThreadItem(query, e.getKey(), first.messageId(), first.list(), first.subject(),
                    e.getValue().size()));
        }
        return out;
    }
}
