package org.lorebot.bot.series;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Groups patch mails into series. Parts threaded under a cover letter or under part 1 (what
 * git send-email does) share the thread root; numbered parts sent without threading are grouped
 * by sender, version and part count when they arrive within {@link #UNTHREADED_WINDOW} of each
 * other. Replies are not parts and are left out.
 */
public final class SeriesAssembler {

    /** How far apart unthreaded parts of one series may arrive. */
    public static final Duration UNTHREADED_WINDOW = Duration.ofHours(6);

    private SeriesAssembler() {
    }

    public static List<Series> assemble(List<PatchMail> mails) {
        List<PatchMail> ordered = new ArrayList<>(mails);
        ordered.sort(Comparator.comparing((PatchMail p) -> p.message().date()).thenComparing(PatchMail::messageId));
        Map<String, List<PatchMail>> groups = new LinkedHashMap<>();
        for (PatchMail m : ordered) {
            if (m.tags().reply()) {
                continue;
            }
            groups.computeIfAbsent(key(m, groups), k -> new ArrayList<>()).add(m);
        }
        List<Series> out = new ArrayList<>();
        for (List<PatchMail> group : groups.values()) {
            Optional<PatchMail> cover = group.stream().filter(p -> p.tags().isCoverLetterNumber()).findFirst();
            List<PatchMail> parts = group.stream().filter(p -> cover.isEmpty() || p != cover.get())
                    .filter(p -> p.patch().hasDiff() || p.tags().index() > 0).toList();
            if (cover.isEmpty() && parts.isEmpty()) {
                continue;
            }
            PatchMail head = cover.orElseGet(() -> parts.get(0));
            out.add(new Series(cover, parts, head.tags().version(), head.tags().total()));
        }
        return List.copyOf(out);
    }

    private static String key(PatchMail m, Map<String, List<PatchMail>> groups) {
        boolean threaded = m.message().inReplyTo() != null || !m.message().references().isEmpty();
        if (!threaded && m.tags().total() > 0) {
            for (Map.Entry<String, List<PatchMail>> e : groups.entrySet()) {
                if (sameUnthreadedSeries(e.getValue(), m)) {
                    return e.getKey();
                }
            }
        }
        return "thread:" + m.threadRoot() + "|v" + m.tags().version() + "|" + m.sender();
    }

    private static boolean sameUnthreadedSeries(List<PatchMail> group, PatchMail m) {
        PatchMail first = group.get(0);
        return first.sender().equals(m.sender())
                && first.tags().version() == m.tags().version()
                && first.tags().total() == m.tags().total()
                && Duration.between(first.message().date(), m.message().date()).compareTo(UNTHREADED_WINDOW) <= 0
                && group.stream().noneMatch(p -> p.tags().index() == m.tags().index());
    }
}
