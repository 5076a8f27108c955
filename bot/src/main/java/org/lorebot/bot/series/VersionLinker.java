package org.lorebot.bot.series;

import java.util.List;
import java.util.Optional;

/**
 * Finds the earlier version of a series among series seen before. In order of trust: the same
 * b4 change-id; a part with the same git patch-id (an unchanged patch carried over); the same
 * sender and the same title once version, RESEND, RFC, numbering and tree tags are stripped.
 * The latest matching earlier version wins.
 */
public final class VersionLinker {

    private VersionLinker() {
    }

    /**
     * The latest earlier version of {@code current} among {@code earlier}. To link every series
     * of a window, build one {@link VersionIndex} instead of calling this for each.
     */
    public static Optional<Series> previous(Series current, List<Series> earlier) {
        return VersionIndex.of(earlier).previous(current);
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
