package org.lorebot.bot.digest;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.lorebot.bot.series.PatchMail;
import org.lorebot.bot.series.Series;
import org.lorebot.bot.series.VersionLinker;
import org.lorebot.bot.state.SeriesVersion;
import org.lorebot.index.MailIndex;
import org.lorebot.index.query.QuerySyntaxException;
import org.lorebot.index.search.SearchHit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the digests of one run draw on, read once: the facts of the messages that arrived,
 * the older patches of their threads, the saved searches' matches, the series histories. Call
 * {@link #prepare} for every period (sequentially) before building digests in parallel.
 */
final class DigestMaterial {

    private static final Logger LOG = LoggerFactory.getLogger(DigestMaterial.class);
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
            .withZone(ZoneOffset.UTC);

    private final List<MessageFacts> facts;
    private final ThreadPatches threads;
    private final Function<String, List<SeriesVersion>> histories;
    private final Map<String, Set<String>> matches = new HashMap<>();
    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final Map<String, List<SeriesVersion>> history = new ConcurrentHashMap<>();

    /**
     * @param facts     the messages that arrived, in arrival order
     * @param histories the recorded versions of a series, by series key
     */
    DigestMaterial(MailIndex index, FactsLoader loader, List<MessageFacts> facts,
                   Function<String, List<SeriesVersion>> histories) {
        // One order whatever the source (arrival log or Date search), so a preview reads as the digest.
        this.facts = facts.stream().sorted(Comparator.comparing(MessageFacts::arrived)
                .thenComparing(MessageFacts::messageId)).toList();
        this.threads = new ThreadPatches(index, loader);
        this.histories = histories;
    }

    /** The period before {@code start} of the same length: where fixed findings were found. */
    static Instant previousStart(Instant start, Instant end) {
        return start.minus(Duration.between(start, end));
    }

    /** Runs the saved searches over mail dated from {@code from} on. */
    void search(MailIndex index, Set<String> queries, Instant from) {
        String dates = " AND d:" + SECOND.format(from) + "..";
        for (String q : queries) {
            Set<String> ids = new HashSet<>();
            try {
                for (SearchHit h : index.search("(" + q + ")" + dates, 0, 0).hits()) {
                    ids.add(h.messageId());
                }
            } catch (QuerySyntaxException e) {
                LOG.warn("saved search '{}' does not parse, skipped: {}", q, e.getMessage());
            } catch (IOException e) {
                LOG.warn("saved search '{}' failed, skipped: {}", q, e.getMessage());
            }
            matches.put(q, ids);
        }
    }

    Map<String, Set<String>> matches() {
        return matches;
    }

    /** Reads what the period and the one before it need, so that building reads nothing. */
    void prepare(Instant start, Instant end) {
        window(start, end);
        window(previousStart(start, end), start);
    }

    Window window(Instant start, Instant end) {
        return windows.computeIfAbsent(start.toEpochMilli() + ".." + end.toEpochMilli(), k -> {
            List<MessageFacts> in = facts.stream()
                    .filter(f -> f.arrived().isAfter(start) && !f.arrived().isAfter(end)).toList();
            Map<String, List<MessageFacts>> patches = new LinkedHashMap<>();
            for (MessageFacts m : in) {
                patches.computeIfAbsent(m.thread(), threads::of);
            }
            return new Window(start, end, in, patches);
        });
    }

    List<SeriesVersion> history(String key) {
        return history.computeIfAbsent(key, histories);
    }

    /** The versions of every series seen in this run's windows, for later histories. */
    List<SeriesVersion> seriesVersions() {
        List<SeriesVersion> out = new ArrayList<>();
        for (Window w : windows.values()) {
            for (Series s : w.series()) {
                PatchMail head = s.head();
                MessageFacts f = w.facts(head.messageId());
                out.add(new SeriesVersion(VersionLinker.key(s), s.version(), head.messageId(), f.subject(),
                        f.list(), f.arrived()));
            }
        }
        return out;
    }
}
