package org.lorebot.bot.series;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds the earlier version of a series among series seen before. In order of trust: the same
 * b4 change-id; a part with the same git patch-id (an unchanged patch carried over); the same
 * sender and the same title once version, RESEND, RFC, numbering and tree tags are stripped.
 * The latest matching earlier version wins.
 */
public final class VersionLinker {

    private VersionLinker() {
    }

    public static Optional<Series> previous(Series current, List<Series> earlier) {
        Comparator<Series> latest = Comparator.comparingInt(Series::version)
                .thenComparing(Series::firstSeen);
        List<Series> older = earlier.stream()
                .filter(s -> s != current && s.firstSeen().isBefore(current.firstSeen())
                        && s.version() <= current.version())
                .toList();
        Optional<String> changeId = current.changeId();
        if (changeId.isPresent()) {
            Optional<Series> byChangeId = older.stream()
                    .filter(s -> s.changeId().equals(changeId)).max(latest);
            if (byChangeId.isPresent()) {
                return byChangeId;
            }
        }
        Set<String> ids = current.patchIds();
        Optional<Series> byPatchId = older.stream().filter(s -> {
            Set<String> common = new TreeSet<>(s.patchIds());
            common.retainAll(ids);
            return !common.isEmpty();
        }).max(latest);
        if (byPatchId.isPresent()) {
            return byPatchId;
        }
        return older.stream()
                .filter(s -> s.author().equals(current.author())
                        && !s.normalizedTitle().isEmpty()
                        && s.normalizedTitle().equals(current.normalizedTitle()))
                .max(latest);
    }

    /**
     * The key a series is known by across versions: its change-id when it has one, else its
     * sender and normalized title. Silences and repeat checks are keyed by it; when an earlier
     * version is known, use that version's key so renamed later versions keep it.
     */
    public static String key(Series series) {
        return series.changeId().map(id -> "change-id:" + id)
                .orElse("author:" + series.author() + "|title:" + series.normalizedTitle());
    }

    /** The key of one patch within one version: what "one reply per patch version" counts. */
    public static String versionKey(String seriesKey, int version, PatchMail patch) {
        return seriesKey + "#v" + version + "#" + patch.tags().normalizedTitle();
    }
}
