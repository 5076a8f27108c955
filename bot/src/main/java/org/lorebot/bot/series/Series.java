package org.lorebot.bot.series;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One version of a patch series as it arrived: an optional cover letter and the patches, in
 * part order. A lone patch is a series of one.
 *
 * @param cover   the cover letter (part 0), if any
 * @param parts   the patches, sorted by part number
 * @param version the version all parts carry
 * @param total   the announced number of parts (0 for a lone unnumbered patch)
 */
public record Series(Optional<PatchMail> cover, List<PatchMail> parts, int version, int total) {

    public Series {
        cover = cover == null ? Optional.empty() : cover;
        List<PatchMail> sorted = new ArrayList<>(parts);
        sorted.sort(Comparator.comparingInt((PatchMail p) -> p.tags().index())
                .thenComparing(p -> p.message().date()));
        parts = List.copyOf(sorted);
        if (cover.isEmpty() && parts.isEmpty()) {
            throw new IllegalArgumentException("a series needs a cover letter or a patch");
        }
    }

    /** The mail that opened the series: the cover letter, else the first part. */
    public PatchMail head() {
        return cover.orElseGet(() -> parts.get(0));
    }

    public String author() {
        return head().sender();
    }

    /** The title of the cover letter, else of the first part, reduced for comparing versions. */
    public String normalizedTitle() {
        return head().tags().normalizedTitle();
    }

    /** b4's change-id, from the cover letter or any part. */
    public Optional<String> changeId() {
        if (cover.isPresent() && cover.get().changeId().isPresent()) {
            return cover.get().changeId();
        }
        return parts.stream().map(PatchMail::changeId).flatMap(Optional::stream).findFirst();
    }

    /** The patch-ids of the parts that have a diff. */
    public Set<String> patchIds() {
        Set<String> ids = new TreeSet<>();
        parts.forEach(p -> p.patchId().ifPresent(ids::add));
        return ids;
    }

    /** When the first mail of the series arrived. */
    public Instant firstSeen() {
        Instant first = head().message().date();
        for (PatchMail p : parts) {
            if (p.message().date().isBefore(first)) {
                first = p.message().date();
            }
        }
        return first;
    }

    /** Whether every announced part is here (a lone patch always is). */
    public boolean isComplete() {
        if (total <= 1) {
            return !parts.isEmpty();
        }
        Set<Integer> have = new TreeSet<>();
        parts.forEach(p -> have.add(p.tags().index()));
        for (int i = 1; i <= total; i++) {
            if (!have.contains(i)) {
                return false;
            }
        }
        return true;
    }

    /** The part numbered {@code index}, if it arrived. */
    public Optional<PatchMail> part(int index) {
        return parts.stream().filter(p -> p.tags().index() == index).findFirst();
    }
}
