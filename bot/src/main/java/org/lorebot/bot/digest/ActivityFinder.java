package org.lorebot.bot.digest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.lorebot.bot.digest.activity.GivenTrailer;
import org.lorebot.bot.series.PatchMail;
import org.lorebot.bot.series.Series;
import org.lorebot.bot.series.SeriesAssembler;
import org.lorebot.bot.series.VersionLinker;
import org.lorebot.bot.state.SeriesVersion;

/**
 * Works out what happened in a period to the series of an area: every thread that had mail in
 * the period and holds a patch (or pull request) in the area, however old, with the versions of
 * one series taken together (by {@link VersionLinker#key}). A reply counts for the version it answers; a reply
 * by the series' own author saying "applied" is not news.
 */
final class ActivityFinder {

    private ActivityFinder() {
    }

    /** The series with activity, those that changed state (applied, new version) first. */
    static List<ActivityItem> find(Interest interest, Window window, Function<String, List<SeriesVersion>> history) {
        Map<String, Group> groups = new LinkedHashMap<>();
        for (String root : window.threads()) {
            List<MessageFacts> patches = window.threadPatches(root);
            if (patches.stream().noneMatch(interest::covers)) {
                continue;
            }
            Map<String, MessageFacts> facts = new HashMap<>();
            patches.forEach(p -> facts.put(p.messageId(), p));
            List<Series> series = new ArrayList<>(SeriesAssembler.assemble(
                    patches.stream().filter(MessageFacts::isPatch).map(p -> p.patch().orElseThrow()).toList()));
            // A pull request stands alone, version 0: pr-tracker-bot says when it was merged.
            patches.stream().filter(MessageFacts::pullRequest)
                    .forEach(p -> series.add(new Series(p.patch(), List.of(), 0, 0)));
            Map<String, Series> member = new HashMap<>();
            for (Series s : series) {
                s.cover().ifPresent(c -> member.put(c.messageId(), s));
                s.parts().forEach(p -> member.put(p.messageId(), s));
                groups.computeIfAbsent(VersionLinker.key(s), k -> new Group()).add(s, facts);
            }
            if (series.isEmpty()) {
                continue;
            }
            Series latest = series.stream().max(Comparator.comparing(Series::firstSeen)).orElseThrow();
            for (MessageFacts m : window.messagesOf(root)) {
                if (m.isPatch() || !interest.onLists(m.list())) {
                    continue;
                }
                String answered = null;
                for (int i = m.references().size() - 1; i >= 0 && answered == null; i--) {
                    answered = member.containsKey(m.references().get(i)) ? m.references().get(i) : null;
                }
                Series s = answered == null ? latest : member.get(answered);
                groups.get(VersionLinker.key(s)).reply(m, s, label(s, answered));
            }
        }
        List<ActivityItem> out = new ArrayList<>();
        for (Map.Entry<String, Group> e : groups.entrySet()) {
            e.getValue().item(e.getKey(), window, history).ifPresent(out::add);
        }
        out.sort(Comparator.comparingInt(ActivityItem::rank).thenComparing(ActivityItem::last)
                .thenComparing(ActivityItem::subject));
        return out;
    }

    /** {@code v3} for the series (or its cover letter), {@code v3 2/8} for one of several patches. */
    private static String label(Series s, String answered) {
        if (s.version() == 0) {
            return "pull request";
        }
        String v = "v" + s.version();
        if (answered == null || s.cover().map(c -> c.messageId().equals(answered)).orElse(false)
                || s.parts().size() + (s.cover().isPresent() ? 1 : 0) <= 1) {
            return v;
        }
        for (PatchMail p : s.parts()) {
            if (p.messageId().equals(answered) && p.tags().total() > 1) {
                return v + " " + p.tags().index() + "/" + p.tags().total();
            }
        }
        return v;
    }

    /** One series' versions and what the period brought them. */
    private static final class Group {
        private final List<Series> versions = new ArrayList<>();
        private final Map<String, MessageFacts> facts = new HashMap<>();
        private final Map<String, TakenItem> taken = new LinkedHashMap<>();
        private final Set<GivenTrailer> trailers = new LinkedHashSet<>();
        private final Set<String> repliers = new LinkedHashSet<>();
        private int replies;
        private Instant last = Instant.MIN;

        void add(Series s, Map<String, MessageFacts> known) {
            versions.add(s);
            facts.putAll(known);
        }

        void reply(MessageFacts m, Series s, String what) {
            replies++;
            repliers.add(m.sender());
            trailers.addAll(m.trailers());
            last = m.arrived().isAfter(last) ? m.arrived() : last;
            boolean byAuthor = m.from().toLowerCase(Locale.ROOT).contains("<" + s.author() + ">")
                    || m.from().equalsIgnoreCase(s.author());
            if (m.acceptance().isPresent() && !byAuthor) {
                var a = m.acceptance().get();
                String key = a.verb() + "|" + a.where() + "|" + m.sender();
                TakenItem t = taken.get(key);
                List<String> whats = new ArrayList<>(t == null ? List.of() : t.what());
                if (!whats.contains(what)) {
                    whats.add(what);
                }
                taken.put(key, new TakenItem(a, m.sender(), whats, t == null ? m.messageId() : t.messageId(),
                        t == null ? m.list() : t.list()));
            }
        }

        Optional<ActivityItem> item(String key, Window window, Function<String, List<SeriesVersion>> history) {
            versions.sort(Comparator.comparing(Series::firstSeen));
            List<SeriesVersion> fresh = new ArrayList<>();
            List<SeriesVersion> known = history.apply(key);
            for (int i = 0; i < versions.size(); i++) {
                Series s = versions.get(i);
                String head = s.head().messageId();
                if (!window.contains(head)) {
                    continue;
                }
                boolean follows = i > 0 || known.stream().anyMatch(v -> !v.messageId().equals(head)
                        && v.firstSeen().isBefore(s.firstSeen()));
                if (follows) {
                    MessageFacts f = window.facts(head);
                    fresh.add(new SeriesVersion(key, s.version(), head, f.subject(), f.list(), f.arrived()));
                    last = f.arrived().isAfter(last) ? f.arrived() : last;
                }
            }
            if (replies == 0 && fresh.isEmpty()) {
                return Optional.empty();
            }
            Series latest = versions.get(versions.size() - 1);
            MessageFacts head = facts.get(latest.head().messageId());
            return Optional.of(new ActivityItem(head.messageId(), head.list(), head.subject(), head.sender(),
                    latest.version(), new ArrayList<>(taken.values()), fresh, new ArrayList<>(trailers), replies,
                    new ArrayList<>(repliers), last));
        }
    }
}
