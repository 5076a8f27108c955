package org.lorebot.bot.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.lorebot.bot.delivery.RenderedMail;

/**
 * What the digests need to remember: the periods dealt with per subscriber (a digest is queued
 * in the same transaction that records its period, so a restart neither skips nor repeats one),
 * when each message arrived in the archive, the versions of series listed, and the mail commands
 * already handled.
 */
public final class DigestLog {

    private static final String LAST_SCAN = "digest_last_scan";

    private final StateStore store;

    DigestLog(StateStore store) {
        this.store = store;
    }

    /** The end of the last period dealt with for this subscriber. */
    public Optional<Instant> lastPeriodEnd(String address) {
        return store.query("read last digest of " + address, c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT max(period_end) FROM digest_periods WHERE address = ?")) {
                p.setString(1, address);
                try (ResultSet r = p.executeQuery()) {
                    r.next();
                    return Subscriptions.instant(r, 1);
                }
            }
        });
    }

    /** The periods dealt with for this subscriber, oldest first. */
    public List<DigestPeriod> periods(String address) {
        return store.query("read digests of " + address, c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT period_start, period_end, message_id,"
                    + " items, at FROM digest_periods WHERE address = ? ORDER BY period_end")) {
                p.setString(1, address);
                List<DigestPeriod> out = new ArrayList<>();
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        out.add(new DigestPeriod(address, Instant.ofEpochMilli(r.getLong(1)),
                                Instant.ofEpochMilli(r.getLong(2)), Optional.ofNullable(r.getString(3)),
                                r.getInt(4), Instant.ofEpochMilli(r.getLong(5))));
                    }
                }
                return out;
            }
        });
    }

    /**
     * Records a period as dealt with and, when there was something new, queues its digest in the
     * outbox, both in one transaction. False, changing nothing, when that period was already
     * recorded.
     */
    public boolean recordPeriod(DigestPeriod period, Optional<RenderedMail> mail) {
        check(period, mail);
        return store.update("record digest of " + period.address(), c -> insertPeriod(c, period, mail));
    }

    private static void check(DigestPeriod period, Optional<RenderedMail> mail) {
        if (mail.isPresent() != period.messageId().isPresent()
                || mail.isPresent() && !mail.get().messageId().equals(period.messageId().get())) {
            throw new IllegalArgumentException("period " + period + " and mail " + mail + " disagree");
        }
    }

    private boolean insertPeriod(Connection c, DigestPeriod period, Optional<RenderedMail> mail) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT OR IGNORE INTO digest_periods (address,"
                + " period_start, period_end, message_id, items, at) VALUES (?, ?, ?, ?, ?, ?)")) {
            p.setString(1, period.address());
            p.setLong(2, period.start().toEpochMilli());
            p.setLong(3, period.end().toEpochMilli());
            p.setString(4, period.messageId().orElse(null));
            p.setInt(5, period.items());
            p.setLong(6, period.at().toEpochMilli());
            if (p.executeUpdate() == 0) {
                return false;
            }
        }
        if (mail.isPresent()) {
            // Digests answer no patch and go to no list: both outbox columns stay empty.
            store.outbox().insert(c, mail.get(), "", "", period.at());
        }
        return true;
    }

    /**
     * Records several periods with their mail in one transaction (each as {@link #recordPeriod}
     * does): one commit, and one sync to disk, for a whole batch of subscribers. Returns how many
     * digest mails were queued (periods already recorded and periods without mail not counted).
     */
    public int recordPeriods(List<Map.Entry<DigestPeriod, Optional<RenderedMail>>> periods) {
        for (Map.Entry<DigestPeriod, Optional<RenderedMail>> e : periods) {
            check(e.getKey(), e.getValue());
        }
        return store.update("record " + periods.size() + " digests", c -> {
            int added = 0;
            for (Map.Entry<DigestPeriod, Optional<RenderedMail>> e : periods) {
                added += insertPeriod(c, e.getKey(), e.getValue()) && e.getValue().isPresent() ? 1 : 0;
            }
            return added;
        });
    }

    /** When the archive was last scanned for arrivals. */
    public Optional<Instant> lastScan() {
        return store.query("read last arrival scan", c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
                p.setString(1, LAST_SCAN);
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? Optional.of(Instant.ofEpochMilli(Long.parseLong(r.getString(1))))
                            : Optional.<Instant>empty();
                }
            }
        });
    }

    /** The Message-IDs of arrivals recorded at or after {@code since}. */
    public Set<String> arrivedIds(Instant since) {
        return store.query("read arrivals", c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT message_id FROM digest_arrivals WHERE arrived >= ?")) {
                p.setLong(1, since.toEpochMilli());
                Set<String> out = new HashSet<>();
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        out.add(r.getString(1));
                    }
                }
                return out;
            }
        });
    }

    /**
     * Records new arrivals and the time of the scan that found them, in one transaction;
     * arrivals already known keep their first time.
     */
    public void recordArrivals(List<Arrival> arrivals, Instant scannedAt) {
        store.update("record arrivals", c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT OR IGNORE INTO digest_arrivals (message_id, list, arrived) VALUES (?, ?, ?)")) {
                for (Arrival a : arrivals) {
                    p.setString(1, a.messageId());
                    p.setString(2, a.list());
                    p.setLong(3, a.arrived().toEpochMilli());
                    p.addBatch();
                }
                p.executeBatch();
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO meta (key, value) VALUES (?, ?)"
                    + " ON CONFLICT (key) DO UPDATE SET value = excluded.value")) {
                p.setString(1, LAST_SCAN);
                p.setString(2, Long.toString(scannedAt.toEpochMilli()));
                p.executeUpdate();
            }
            return null;
        });
    }

    /** Messages that arrived after {@code start} and at or before {@code end}, in arrival order. */
    public List<Arrival> arrivals(Instant start, Instant end) {
        return store.query("read arrivals", c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT message_id, list, arrived FROM digest_arrivals"
                    + " WHERE arrived > ? AND arrived <= ? ORDER BY arrived, message_id")) {
                p.setLong(1, start.toEpochMilli());
                p.setLong(2, end.toEpochMilli());
                List<Arrival> out = new ArrayList<>();
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        out.add(new Arrival(r.getString(1), r.getString(2), Instant.ofEpochMilli(r.getLong(3))));
                    }
                }
                return out;
            }
        });
    }

    /** Forgets arrivals older than {@code before}; returns how many. */
    public int forgetArrivals(Instant before) {
        return store.update("forget old arrivals", c -> {
            try (PreparedStatement p = c.prepareStatement("DELETE FROM digest_arrivals WHERE arrived < ?")) {
                p.setLong(1, before.toEpochMilli());
                return p.executeUpdate();
            }
        });
    }

    /** Remembers series versions listed (a version already known keeps its first record). */
    public void recordSeries(List<SeriesVersion> versions) {
        store.update("record series versions", c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT OR IGNORE INTO digest_series (series_key,"
                    + " version, message_id, subject, list, first_seen) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (SeriesVersion v : versions) {
                    p.setString(1, v.seriesKey());
                    p.setInt(2, v.version());
                    p.setString(3, v.messageId());
                    p.setString(4, v.subject());
                    p.setString(5, v.list());
                    p.setLong(6, v.firstSeen().toEpochMilli());
                    p.addBatch();
                }
                p.executeBatch();
            }
            return null;
        });
    }

    /** Every known version of a series, oldest version first. */
    public List<SeriesVersion> seriesVersions(String seriesKey) {
        return store.query("read series versions", c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT version, message_id, subject, list, first_seen"
                    + " FROM digest_series WHERE series_key = ? ORDER BY version")) {
                p.setString(1, seriesKey);
                List<SeriesVersion> out = new ArrayList<>();
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        out.add(new SeriesVersion(seriesKey, r.getInt(1), r.getString(2), r.getString(3),
                                r.getString(4), Instant.ofEpochMilli(r.getLong(5))));
                    }
                }
                return out;
            }
        });
    }

    /** Whether a mail command was already handled. */
    public boolean commandHandled(String messageId) {
        return store.query("read handled commands", c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM digest_commands WHERE message_id = ?")) {
                p.setString(1, messageId);
                try (ResultSet r = p.executeQuery()) {
                    return r.next();
                }
            }
        });
    }

    /** Marks a mail command as handled; false when it already was. */
    public boolean markCommandHandled(String messageId, Instant now) {
        return store.update("mark command " + messageId + " handled", c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT OR IGNORE INTO digest_commands (message_id, at) VALUES (?, ?)")) {
                p.setString(1, messageId);
                p.setLong(2, now.toEpochMilli());
                return p.executeUpdate() == 1;
            }
        });
    }
}
