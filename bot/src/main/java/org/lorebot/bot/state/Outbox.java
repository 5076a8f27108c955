package org.lorebot.bot.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lorebot.bot.delivery.RenderedMail;

/**
 * The transactional outbox: mail is queued in the same transaction that records the reply, then
 * moves {@code pending -> sending -> sent}, back to {@code pending} with a later attempt time
 * when the server is unreachable, or to {@code failed}.
 */
public final class Outbox {

    private static final String COLUMNS = "message_id, patch_message_id, list, recipients, raw, status,"
            + " attempts, next_attempt, sending_since, last_error, created, sent";

    private final StateStore store;

    Outbox(StateStore store) {
        this.store = store;
    }

    /** Queues a mail on its own (replies are queued by {@link StateStore#recordReply}). */
    public boolean enqueue(RenderedMail mail, String patchMessageId, String list, Instant now) {
        return store.update("queue " + mail.messageId(), c -> insert(c, mail, patchMessageId, list, now));
    }

    boolean insert(Connection c, RenderedMail mail, String patchMessageId, String list, Instant now)
            throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT OR IGNORE INTO outbox (message_id, patch_message_id,"
                + " list, recipients, raw, status, attempts, next_attempt, created) VALUES (?, ?, ?, ?, ?, 'pending', 0, ?, ?)")) {
            p.setString(1, mail.messageId());
            p.setString(2, patchMessageId);
            p.setString(3, list);
            p.setString(4, String.join("\n", mail.recipients()));
            p.setBytes(5, mail.bytes());
            p.setLong(6, now.toEpochMilli());
            p.setLong(7, now.toEpochMilli());
            return p.executeUpdate() == 1;
        }
    }

    /**
     * Items to work on now: pending ones whose time has come and any left in {@code sending} by
     * a run that stopped mid-delivery, oldest first.
     */
    public List<OutboxEntry> due(Instant now) {
        return select("WHERE (status = 'pending' AND next_attempt <= ?) OR status = 'sending'"
                + " ORDER BY created, message_id", now.toEpochMilli());
    }

    public Optional<OutboxEntry> entry(String messageId) {
        List<OutboxEntry> e = select("WHERE message_id = ?", messageId);
        return e.isEmpty() ? Optional.empty() : Optional.of(e.get(0));
    }

    /** How many items stand in each state. */
    public Map<OutboxStatus, Integer> counts() {
        return store.query("count outbox", c -> {
            Map<OutboxStatus, Integer> out = new EnumMap<>(OutboxStatus.class);
            for (OutboxStatus s : OutboxStatus.values()) {
                out.put(s, 0);
            }
            try (PreparedStatement p = c.prepareStatement("SELECT status, count(*) FROM outbox GROUP BY status");
                 ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.put(OutboxStatus.ofColumn(r.getString(1)), r.getInt(2));
                }
            }
            return out;
        });
    }

    /** Marks the start of a delivery attempt; committed before the mail leaves. */
    public void markSending(String messageId, Instant now) {
        change(messageId, "status = 'sending', sending_since = ?, attempts = attempts + 1", now.toEpochMilli());
    }

    public void markSent(String messageId, Instant now) {
        change(messageId, "status = 'sent', sent = ?, sending_since = NULL, last_error = NULL", now.toEpochMilli());
    }

    /** Puts the item back to wait until {@code next}. */
    public void markRetry(String messageId, String error, Instant next) {
        change(messageId, "status = 'pending', sending_since = NULL, last_error = ?, next_attempt = ?",
                error, next.toEpochMilli());
    }

    public void markFailed(String messageId, String error) {
        change(messageId, "status = 'failed', sending_since = NULL, last_error = ?", error);
    }

    private void change(String messageId, String set, Object... values) {
        store.update("update outbox item " + messageId, c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE outbox SET " + set + " WHERE message_id = ?")) {
                int i = 1;
                for (Object v : values) {
                    p.setObject(i++, v);
                }
                p.setString(i, messageId);
                if (p.executeUpdate() != 1) {
                    throw new SQLException("no outbox item " + messageId);
                }
            }
            return null;
        });
    }

    private List<OutboxEntry> select(String where, Object arg) {
        return store.query("read outbox", c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS + " FROM outbox " + where)) {
                p.setObject(1, arg);
                List<OutboxEntry> out = new ArrayList<>();
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        out.add(read(r));
                    }
                }
                return out;
            }
        });
    }

    private static OutboxEntry read(ResultSet r) throws SQLException {
        RenderedMail mail = new RenderedMail(r.getString(1), Arrays.asList(r.getString(4).split("\n")), r.getBytes(5));
        long sendingSince = r.getLong(9);
        Optional<Instant> since = r.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(sendingSince));
        long sent = r.getLong(12);
        Optional<Instant> sentAt = r.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(sent));
        return new OutboxEntry(mail, r.getString(2), r.getString(3), OutboxStatus.ofColumn(r.getString(6)),
                r.getInt(7), Instant.ofEpochMilli(r.getLong(8)), since, Optional.ofNullable(r.getString(10)),
                Instant.ofEpochMilli(r.getLong(11)), sentAt);
    }
}
