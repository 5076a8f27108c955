package org.lorebot.bot.state;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The state file's tables, versioned with {@code PRAGMA user_version}. Each migration takes the
 * file from version {@code n} to {@code n + 1} inside one transaction, so an interrupted upgrade
 * leaves the old version intact. A file from a newer lorebot is refused, never downgraded.
 */
final class Schema {

    /** Migration {@code i} brings the schema from version {@code i} to {@code i + 1}. */
    private static final List<List<String>> MIGRATIONS = List.of(
            List.of(
                    """
                    CREATE TABLE outbox (
                        message_id       TEXT PRIMARY KEY,
                        patch_message_id TEXT NOT NULL,
                        list             TEXT NOT NULL,
                        recipients       TEXT NOT NULL,
                        raw              BLOB NOT NULL,
                        status           TEXT NOT NULL
                                         CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
                        attempts         INTEGER NOT NULL DEFAULT 0,
                        next_attempt     INTEGER NOT NULL,
                        sending_since    INTEGER,
                        last_error       TEXT,
                        created          INTEGER NOT NULL,
                        sent             INTEGER
                    )""",
                    "CREATE INDEX outbox_due ON outbox (status, next_attempt)",
                    """
                    CREATE TABLE replies (
                        patch_message_id TEXT PRIMARY KEY,
                        series_key       TEXT NOT NULL,
                        version          INTEGER NOT NULL,
                        version_key      TEXT NOT NULL,
                        reply_message_id TEXT NOT NULL,
                        list             TEXT NOT NULL,
                        findings         TEXT NOT NULL,
                        at               INTEGER NOT NULL
                    )""",
                    "CREATE INDEX replies_version_key ON replies (version_key)",
                    "CREATE INDEX replies_series_key ON replies (series_key)",
                    "CREATE TABLE posts (list TEXT NOT NULL, at INTEGER NOT NULL)",
                    "CREATE INDEX posts_at ON posts (at)",
                    """
                    CREATE TABLE silences (
                        series_key         TEXT NOT NULL,
                        rule_id            TEXT NOT NULL,
                        by_address         TEXT NOT NULL,
                        command_message_id TEXT NOT NULL,
                        at                 INTEGER NOT NULL,
                        PRIMARY KEY (series_key, rule_id)
                    )""",
                    "CREATE TABLE cursors (inbox TEXT PRIMARY KEY, position TEXT NOT NULL, at INTEGER NOT NULL)",
                    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
            // 1 -> 2: maintainer digests and their subscriptions
            List.of(
                    """
                    CREATE TABLE subscriptions (
                        address     TEXT PRIMARY KEY,
                        origin      TEXT NOT NULL CHECK (origin IN ('config', 'mail')),
                        status      TEXT NOT NULL
                                    CHECK (status IN ('pending', 'active', 'unsubscribed', 'removed')),
                        preferences TEXT NOT NULL,
                        pending     TEXT,
                        requested   INTEGER,
                        confirmed   INTEGER,
                        ended       INTEGER,
                        created     INTEGER NOT NULL
                    )""",
                    """
                    CREATE TABLE digest_periods (
                        address      TEXT NOT NULL,
                        period_start INTEGER NOT NULL,
                        period_end   INTEGER NOT NULL,
                        message_id   TEXT,
                        items        INTEGER NOT NULL,
                        at           INTEGER NOT NULL,
                        PRIMARY KEY (address, period_end)
                    )""",
                    """
                    CREATE TABLE digest_arrivals (
                        message_id TEXT PRIMARY KEY,
                        list       TEXT NOT NULL,
                        arrived    INTEGER NOT NULL
                    )""",
                    "CREATE INDEX digest_arrivals_arrived ON digest_arrivals (arrived)",
                    """
                    CREATE TABLE digest_series (
                        series_key TEXT NOT NULL,
                        version    INTEGER NOT NULL,
                        message_id TEXT NOT NULL,
                        subject    TEXT NOT NULL,
                        list       TEXT NOT NULL,
                        first_seen INTEGER NOT NULL,
                        PRIMARY KEY (series_key, version)
                    )""",
                    "CREATE TABLE digest_commands (message_id TEXT PRIMARY KEY, at INTEGER NOT NULL)"),
            // 2 -> 3: what the daemon decided per message, so a pass does not judge it again.
            List.of(
                    """
                    CREATE TABLE decisions (
                        message_id TEXT PRIMARY KEY,
                        list       TEXT NOT NULL,
                        outcome    TEXT NOT NULL,
                        detail     TEXT NOT NULL,
                        at         INTEGER NOT NULL
                    )"""),
            // 3 -> 4: messages that arrived new in the archive, kept until they are decided
            List.of(
                    """
                    CREATE TABLE review_queue (
                        message_id TEXT PRIMARY KEY,
                        list       TEXT NOT NULL,
                        arrived    INTEGER NOT NULL
                    )"""));

    /** The version this lorebot writes. */
    static final int VERSION = MIGRATIONS.size();

    private Schema() {
    }

    static int version(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA user_version")) {
            return r.next() ? r.getInt(1) : 0;
        }
    }

    /** Brings the schema up to {@link #VERSION}; returns the version found before. */
    static int migrate(Connection c, String file) throws SQLException {
        int found = version(c);
        if (found > VERSION) {
            throw new StateException("state file " + file + " has schema version " + found
                    + ", newer than this lorebot understands (" + VERSION + "); use a newer lorebot", null);
        }
        for (int v = found; v < VERSION; v++) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (String sql : MIGRATIONS.get(v)) {
                    s.executeUpdate(sql);
                }
                s.executeUpdate("PRAGMA user_version = " + (v + 1));
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
        return found;
    }
}
