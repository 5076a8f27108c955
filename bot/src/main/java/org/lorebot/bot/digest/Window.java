package org.lorebot.bot.digest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.lorebot.bot.series.PatchMail;
import org.lorebot.bot.series.Series;
import org.lorebot.bot.series.SeriesAssembler;

/**
 * The messages that arrived in one period, and the series they form. Subscribers due at the same
 * boundary for the same period share one window, so series are assembled once.
 */
final class Window {

    private final Instant start;
    private final Instant end;
    private final List<MessageFacts> messages;
    private final Map<String, MessageFacts> byId = new HashMap<>();
    private final List<Series> series;
    private final List<MessageFacts> patches;
    private final Map<String, Integer> perList = new HashMap<>();
    private final Map<String, Area> areas = new ConcurrentHashMap<>();
    private final Map<String, List<MessageFacts>> threadPatches;
    private final Map<String, List<MessageFacts>> byThread = new LinkedHashMap<>();

    /**
     * @param threadPatches for the thread of each message, the patches of that thread, older
     *                      ones included
     */
    Window(Instant start, Instant end, List<MessageFacts> messages, Map<String, List<MessageFacts>> threadPatches) {
        this.start = start;
        this.end = end;
        this.messages = List.copyOf(messages);
        this.threadPatches = Map.copyOf(threadPatches);
        messages.forEach(m -> {
            byId.put(m.messageId(), m);
            perList.merge(m.list(), 1, Integer::sum);
            byThread.computeIfAbsent(m.thread(), t -> new ArrayList<>()).add(m);
        });
        this.patches = messages.stream().filter(MessageFacts::isPatch).toList();
        List<PatchMail> patches = messages.stream().filter(MessageFacts::isPatch)
                .map(m -> m.patch().orElseThrow()).toList();
        this.series = SeriesAssembler.assemble(patches);
    }

    Instant start() {
        return start;
    }

    Instant end() {
        return end;
    }

    List<MessageFacts> messages() {
        return messages;
    }

    MessageFacts facts(String messageId) {
        return byId.get(messageId);
    }

    boolean contains(String messageId) {
        return byId.containsKey(messageId);
    }

    List<Series> series() {
        return series;
    }

    /** The roots of the threads that had mail in the period, in order of their first new message. */
    Set<String> threads() {
        return byThread.keySet();
    }

    /** The period's messages of one thread, in arrival order. */
    List<MessageFacts> messagesOf(String root) {
        return byThread.getOrDefault(root, List.of());
    }

    /** The patches of a thread that had mail in the period, however old. */
    List<MessageFacts> threadPatches(String root) {
        return threadPatches.getOrDefault(root, List.of());
    }

    /** How many messages arrived on these lists (on every list when none is given). */
    int messagesOn(List<String> lists) {
        if (lists.isEmpty()) {
            return messages.size();
        }
        int n = 0;
        for (String l : lists) {
            n += perList.getOrDefault(l, 0);
        }
        return n;
    }

    /**
     * The patches and series in an area. Many subscribers share an area (a subsystem's
     * maintainers, the same directory), so each is worked out once per window.
     */
    Area area(Interest interest) {
        return areas.computeIfAbsent(interest.areaKey(), k -> {
            List<MessageFacts> covered = patches.stream().filter(interest::covers).toList();
            Set<String> ids = new HashSet<>();
            covered.forEach(m -> ids.add(m.messageId()));
            List<Series> inArea = new ArrayList<>();
            for (Series s : series) {
                boolean any = s.cover().isPresent() && ids.contains(s.cover().get().messageId());
                for (PatchMail p : s.parts()) {
                    any |= ids.contains(p.messageId());
                }
                if (any) {
                    inArea.add(s);
                }
            }
            return new Area(covered, inArea);
        });
    }

    /** The patches (and cover letters) in an area, and the series they belong to. */
    record Area(List<MessageFacts> patches, List<Series> series) {
    }
}
