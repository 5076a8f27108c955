package org.lorebot.bot.series;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The series of a review window indexed once by what links versions (change-id, patch-ids,
 * sender and title), so finding each series' earlier version is a few lookups instead of a scan
 * of the whole window with every fact recomputed: a pass over a large window stays linear.
 * {@link #previous} answers exactly as {@link VersionLinker#previous} describes.
 */
public final class VersionIndex {

    /** What linking needs of a series, computed once. */
    private record Facts(Series series, Instant firstSeen, Optional<String> changeId,
                         Set<String> patchIds, String authorTitle) {

        static Facts of(Series s) {
            String title = s.normalizedTitle();
            return new Facts(s, s.firstSeen(), s.changeId(), s.patchIds(),
                    title.isEmpty() ? null : s.author() + "\n" + title);
        }

        boolean olderThan(Facts current) {
            return series != current.series && firstSeen.isBefore(current.firstSeen)
                    && series.version() <= current.series.version();
        }
    }

    private static final Comparator<Facts> LATEST = Comparator
            .comparingInt((Facts f) -> f.series().version()).thenComparing(Facts::firstSeen);

    private final Map<Series, Facts> facts = new IdentityHashMap<>();
    private final Map<String, List<Facts>> byChangeId = new HashMap<>();
    private final Map<String, List<Facts>> byPatchId = new HashMap<>();
    private final Map<String, List<Facts>> byAuthorTitle = new HashMap<>();

    private VersionIndex(List<Series> window) {
        for (Series s : window) {
            Facts f = Facts.of(s);
            facts.put(s, f);
            f.changeId().ifPresent(id -> byChangeId.computeIfAbsent(id, k -> new ArrayList<>()).add(f));
            f.patchIds().forEach(id -> byPatchId.computeIfAbsent(id, k -> new ArrayList<>()).add(f));
            if (f.authorTitle() != null) {
                byAuthorTitle.computeIfAbsent(f.authorTitle(), k -> new ArrayList<>()).add(f);
            }
        }
    }

    public static VersionIndex of(List<Series> window) {
        return new VersionIndex(window);
    }

    /** The latest earlier version of {@code current} in the window, by the most trusted link. */
    public Optional<Series> previous(Series current) {
        Facts c = facts.computeIfAbsent(current, Facts::of);
        if (c.changeId().isPresent()) {
            Optional<Series> found = latestOlder(byChangeId.getOrDefault(c.changeId().get(), List.of()), c);
            if (found.isPresent()) {
                return found;
            }
        }
        Set<Facts> sharingAPatch = new LinkedHashSet<>();
        c.patchIds().forEach(id -> sharingAPatch.addAll(byPatchId.getOrDefault(id, List.of())));
        Optional<Series> found = latestOlder(sharingAPatch, c);
        if (found.isPresent() || c.authorTitle() == null) {
            return found;
        }
        return latestOlder(byAuthorTitle.getOrDefault(c.authorTitle(), List.of()), c);
    }

    private static Optional<Series> latestOlder(Iterable<Facts> candidates, Facts current) {
        Facts best = null;
        for (Facts f : candidates) {
            if (f.olderThan(current) && (best == null || LATEST.compare(f, best) > 0)) {
                best = f;
            }
        }
        return Optional.ofNullable(best).map(Facts::series);
    }
}
