package org.lorebot.bot.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Savepoint;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.lorebot.bot.delivery.RenderedMail;

/**
 * The bot's own state in one SQLite file (WAL mode): replies queued and sent, the transactional
 * outbox, posting counts for the rate limits, {@code #lorebot ignore} silences, the review
 * cursor of each inbox and the time of the first run. Every change is one transaction, so a
 * crash leaves either the old state or the new one. One instance per file and process.
 */
public final class StateStore implements AutoCloseable {

    private final Connection connection;
    private final String file;
    private final Clock clock;
    /** {@link #firstRun()} once recorded: it never changes afterwards. */
    private Instant firstRun;
    /** True inside {@link #inOneTransaction}: changes become savepoints of its transaction. */
    private boolean batching;
    private final Outbox outbox;
    private final ReviewQueue reviewQueue;
    private final Subscriptions subscriptions;
    private final DigestLog digests;

    private StateStore(Connection connection, String file, Clock clock) {
        this.connection = connection;
        this.file = file;
        this.clock = clock;
        this.outbox = new Outbox(this);
        this.reviewQueue = new ReviewQueue(this);
        this.subscriptions = new Subscriptions(this);
        this.digests = new DigestLog(this);
    }

    /**
     * Opens (creating when missing) the state file and upgrades its schema; {@code clock} dates
     * what the store records on its own ({@link #firstRun()}).
     *
     * @throws StateException when the file cannot be opened or comes from a newer lorebot
     */
    public static StateStore open(Path file, Clock clock) {
        String name = file.toString();
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout = 10000");
                s.execute("PRAGMA journal_mode = WAL");
                // FULL: a commit that said "sent" must survive a power cut, or the mail goes twice.
                s.execute("PRAGMA synchronous = FULL");
            }
            Schema.migrate(c, name);
            return new StateStore(c, name, clock);
        } catch (SQLException | IOException e) {
            throw new StateException("cannot open state file " + name + ": " + e.getMessage(), e);
        }
    }

    /** The transactional outbox. */
    /** The messages that arrived new and wait for their review. */
    public ReviewQueue reviewQueue() {
        return reviewQueue;
    }

    public Outbox outbox() {
        return outbox;
    }

    /** Digest subscriptions. */
    public Subscriptions subscriptions() {
        return subscriptions;
    }

    /** What digests were sent, what arrived in the archive, and the mail commands handled. */
    public DigestLog digests() {
        return digests;
    }

    /**
     * When the bot first reviewed with this state file: the default start of reviewing. The
     * first call records the clock's time, so only the reviewer starts it: opening the file for
     * {@code serve} or {@code digest} weeks earlier does not widen the first review.
     */
    public synchronized Instant firstRun() {
        if (firstRun == null) {
            firstRun = recordFirstRun();
        }
        return firstRun;
    }

    private Instant recordFirstRun() {
        return update("read first run", c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT OR IGNORE INTO meta (key, value) VALUES ('first_run', ?)")) {
                p.setString(1, Long.toString(clock.instant().toEpochMilli()));
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement("SELECT value FROM meta WHERE key = 'first_run'");
                 ResultSet r = p.executeQuery()) {
                r.next();
                return Instant.ofEpochMilli(Long.parseLong(r.getString(1)));
            }
        });
    }

    /**
     * Records a review and queues its mail in one transaction: the reply, the outbox item and
     * the post counted for the rate limits. Returns false, changing nothing, when that patch
     * was already answered.
     */
    public synchronized boolean recordReply(ReplyRecord reply, RenderedMail mail) {
        if (!reply.replyMessageId().equals(mail.messageId())) {
            throw new IllegalArgumentException("reply " + reply.replyMessageId() + " and mail "
                    + mail.messageId() + " differ");
        }
        return update("record reply to " + reply.patchMessageId(), c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT OR IGNORE INTO replies (patch_message_id, series_key, version, version_key,"
                            + " reply_message_id, list, findings, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                p.setString(1, reply.patchMessageId());
                p.setString(2, reply.seriesKey());
                p.setInt(3, reply.version());
                p.setString(4, reply.versionKey());
                p.setString(5, reply.replyMessageId());
                p.setString(6, reply.list());
                p.setString(7, String.join("\n", reply.findingKeys()));
                p.setLong(8, reply.at().toEpochMilli());
                if (p.executeUpdate() == 0) {
                    return false;
                }
            }
            outbox.insert(c, mail, reply.patchMessageId(), reply.list(), reply.at());
            try (PreparedStatement p = c.prepareStatement("INSERT INTO posts (list, at) VALUES (?, ?)")) {
                p.setString(1, reply.list());
                p.setLong(2, reply.at().toEpochMilli());
                p.executeUpdate();
            }
            return true;
        });
    }

    /** The reply to this patch, if the bot made one. */
    public synchronized Optional<ReplyRecord> replyTo(String patchMessageId) {
        List<ReplyRecord> r = replies("WHERE patch_message_id = ?", patchMessageId);
        return r.isEmpty() ? Optional.empty() : Optional.of(r.get(0));
    }

    /** Whether some posting of this patch version (a resend, say) was already answered. */
    public synchronized boolean versionAnswered(String versionKey) {
        return !replies("WHERE version_key = ?", versionKey).isEmpty();
    }

    /** Every reply made in a series, oldest first. */
    public synchronized List<ReplyRecord> seriesReplies(String seriesKey) {
        return replies("WHERE series_key = ? ORDER BY at, patch_message_id", seriesKey);
    }

    /** Whether a mail with this Message-ID is a reply the bot made (its own mail). */
    public synchronized boolean isOwnReply(String messageId) {
        return ownReply(messageId).isPresent();
    }

    /** The bot's reply with this Message-ID, if it made one. */
    public synchronized Optional<ReplyRecord> ownReply(String messageId) {
        List<ReplyRecord> r = replies("WHERE reply_message_id = ?", messageId);
        return r.isEmpty() ? Optional.empty() : Optional.of(r.get(0));
    }

    private List<ReplyRecord> replies(String where, String arg) {
        return query("read replies", c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT patch_message_id, series_key, version,"
                    + " version_key, reply_message_id, list, findings, at FROM replies " + where)) {
                p.setString(1, arg);
                List<ReplyRecord> out = new ArrayList<>();
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        String findings = r.getString(7);
                        out.add(new ReplyRecord(r.getString(1), r.getString(2), r.getInt(3), r.getString(4),
                                r.getString(5), r.getString(6),
                                findings.isEmpty() ? List.of() : Arrays.asList(findings.split("\n")),
                                Instant.ofEpochMilli(r.getLong(8))));
                    }
                }
                return out;
            }
        });
    }

    /** Replies queued since {@code since}, on every list. */
    public synchronized int postsSince(Instant since) {
        return count("SELECT count(*) FROM posts WHERE at >= ?", since, null);
    }

    /** Replies queued on {@code list} since {@code since}. */
    public synchronized int postsToListSince(String list, Instant since) {
        return count("SELECT count(*) FROM posts WHERE at >= ? AND list = ?", since, list);
    }

    private int count(String sql, Instant since, String list) {
        return query("count posts", c -> {
            try (PreparedStatement p = c.prepareStatement(sql)) {
                p.setLong(1, since.toEpochMilli());
                if (list != null) {
                    p.setString(2, list);
                }
                try (ResultSet r = p.executeQuery()) {
                    r.next();
                    return r.getInt(1);
                }
            }
        });
    }

    /** Records a silence; false when the rule was already silenced in that series. */
    public synchronized boolean silence(Silence s) {
        return update("silence " + s.ruleId(), c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT OR IGNORE INTO silences"
                    + " (series_key, rule_id, by_address, command_message_id, at) VALUES (?, ?, ?, ?, ?)")) {
                p.setString(1, s.seriesKey());
                p.setString(2, s.ruleId());
                p.setString(3, s.byAddress());
                p.setString(4, s.commandMessageId());
                p.setLong(5, s.at().toEpochMilli());
                return p.executeUpdate() == 1;
            }
        });
    }

    /** The rule ids silenced in a series. */
    public synchronized Set<String> silencedRules(String seriesKey) {
        return query("read silences", c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT rule_id FROM silences WHERE series_key = ? ORDER BY rule_id")) {
                p.setString(1, seriesKey);
                Set<String> out = new LinkedHashSet<>();
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        out.add(r.getString(1));
                    }
                }
                return Set.copyOf(out);
            }
        });
    }

    /**
     * Records the final word on a message (reviewed, skipped and why, a command applied), so
     * later passes leave it alone. A message already decided keeps its first decision.
     */
    public synchronized void recordDecision(String messageId, String list, String outcome, String detail, Instant at) {
        update("record decision on " + messageId, c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT OR IGNORE INTO decisions"
                    + " (message_id, list, outcome, detail, at) VALUES (?, ?, ?, ?, ?)")) {
                p.setString(1, messageId);
                p.setString(2, list);
                p.setString(3, outcome);
                p.setString(4, detail == null ? "" : detail);
                p.setLong(5, at.toEpochMilli());
                p.executeUpdate();
            }
            return null;
        });
    }

    /** The recorded outcome for a message, if one was recorded. */
    public synchronized Optional<String> decision(String messageId) {
        return query("read decision on " + messageId, c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT outcome FROM decisions WHERE message_id = ?")) {
                p.setString(1, messageId);
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? Optional.of(r.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    /** How far the review of an inbox has got (an opaque position the daemon chooses). */
    public synchronized Optional<String> cursor(String inbox) {
        return query("read cursor of " + inbox, c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT position FROM cursors WHERE inbox = ?")) {
                p.setString(1, inbox);
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? Optional.of(r.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    public synchronized void saveCursor(String inbox, String position, Instant at) {
        update("save cursor of " + inbox, c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO cursors (inbox, position, at) VALUES (?, ?, ?)"
                    + " ON CONFLICT (inbox) DO UPDATE SET position = excluded.position, at = excluded.at")) {
                p.setString(1, inbox);
                p.setString(2, position);
                p.setLong(3, at.toEpochMilli());
                p.executeUpdate();
            }
            return null;
        });
    }

    /** The schema version of the open file. */
    public synchronized int schemaVersion() {
        return query("read schema version", Schema::version);
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StateException("cannot close state file " + file + ": " + e.getMessage(), e);
        }
    }

    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs read-only work. */
    synchronized <T> T query(String what, Work<T> work) {
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StateException("cannot " + what + " in state file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs {@code body} as one transaction: every change it makes through this store is
     * committed together at its end (one WAL sync instead of one per change), or none when it
     * throws. Inside it each change is still all-or-nothing on its own (a savepoint), so a
     * failed review rolls back alone while the rest of the pass is kept. Used for a review
     * pass, whose thousands of "skipped" decisions need not each be synced to disk: nothing
     * leaves the outbox before the pass has committed.
     */
    public synchronized void inOneTransaction(String what, Runnable body) {
        if (batching) {
            body.run();
            return;
        }
        try {
            connection.setAutoCommit(false);
            batching = true;
            try {
                body.run();
                connection.commit();
            } catch (RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                batching = false;
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StateException("cannot " + what + " in state file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Runs work in one transaction (a savepoint inside {@link #inOneTransaction}): all of it, or none. */
    synchronized <T> T update(String what, Work<T> work) {
        try {
            if (batching) {
                Savepoint savepoint = connection.setSavepoint();
                try {
                    T result = work.run(connection);
                    connection.releaseSavepoint(savepoint);
                    return result;
                } catch (SQLException | RuntimeException e) {
                    connection.rollback(savepoint);
                    connection.releaseSavepoint(savepoint);
                    throw e;
                }
            }
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StateException("cannot " + what + " in state file " + file + ": " + e.getMessage(), e);
        }
    }
}
