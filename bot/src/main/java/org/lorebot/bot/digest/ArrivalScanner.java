package org.lorebot.bot.digest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.lorebot.bot.state.Arrival;
import org.lorebot.bot.state.DigestLog;
import org.lorebot.index.MailIndex;
import org.lorebot.index.query.QuerySyntaxException;
import org.lorebot.index.search.SearchHit;

/**
 * Notes when messages arrive in the archive, since digests cover periods "by arrival": a
 * message first seen by a scan arrived after the previous scan and no later than this one; its
 * Date header places it within that interval (clamped to it, so a wrong clock cannot move it
 * out). The first scan takes the Date header as it is, for the two weeks before.
 *
 * <p>A scan looks at messages dated from {@link #LATE_ARRIVAL} before the previous scan on, so
 * mail that spent up to that long in transit is still caught; older-dated mail arriving later
 * is not listed.
 */
public final class ArrivalScanner {

    /** How late after its Date a message may reach the archive and still be noticed. */
    public static final Duration LATE_ARRIVAL = Duration.ofDays(3);
    /** How far back the first scan reaches: the period before the latest weekly boundary. */
    public static final Duration FIRST_LOOKBACK = Duration.ofDays(15);
    /** Arrivals are forgotten after this; a digest never covers more. */
    public static final Duration RETENTION = Duration.ofDays(60);

    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
            .withZone(ZoneOffset.UTC);

    private final MailIndex index;
    private final DigestLog log;

    public ArrivalScanner(MailIndex index, DigestLog log) {
        this.index = index;
        this.log = log;
    }

    /** Records the messages that arrived since the last scan; returns how many. */
    public int scan(Instant now) {
        Optional<Instant> last = log.lastScan();
        if (last.isPresent() && !now.isAfter(last.get())) {
            return 0;
        }
        Instant from = last.map(t -> t.minus(LATE_ARRIVAL)).orElse(now.minus(FIRST_LOOKBACK));
        List<SearchHit> hits;
        try {
            hits = index.search("d:" + SECOND.format(from) + "..", 0, 0).hits();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot scan the index for new mail: " + e.getMessage(), e);
        } catch (QuerySyntaxException e) {
            throw new IllegalStateException("the arrival scan's own query does not parse", e);
        }
        Set<String> known = log.arrivedIds(from.minus(LATE_ARRIVAL));
        List<Arrival> fresh = new ArrayList<>();
        for (SearchHit h : hits) {
            if (known.contains(h.messageId())) {
                continue;
            }
            Instant arrived = h.date().isAfter(now) ? now : h.date();
            if (last.isPresent() && !arrived.isAfter(last.get())) {
                arrived = last.get().plusMillis(1);
            }
            fresh.add(new Arrival(h.messageId(), h.list(), arrived));
        }
        log.recordArrivals(fresh, now);
        log.forgetArrivals(now.minus(RETENTION));
        return fresh.size();
    }
}
