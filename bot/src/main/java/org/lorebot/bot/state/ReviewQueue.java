package org.lorebot.bot.state;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Messages that arrived new in an archive (after the daemon's previous cursor) and wait for a
 * review decision: a part of a series still incomplete stays here across passes, so "new"
 * never depends on a message's Date.
 */
public final class ReviewQueue {

    private final StateStore store;

    ReviewQueue(StateStore store) {
        this.store = store;
    }

    /** Queues messages of {@code list} that arrived at {@code arrived}; one already queued keeps its time. */
    public void add(String list, Collection<String> messageIds, Instant arrived) {
        store.update("queue new mail of " + list, c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT OR IGNORE INTO review_queue (message_id, list, arrived) VALUES (?, ?, ?)")) {
                for (String id : messageIds) {
                    p.setString(1, id);
                    p.setString(2, list);
                    p.setLong(3, arrived.toEpochMilli());
                    p.addBatch();
                }
                p.executeBatch();
            }
            return null;
        });
    }

    /** The queued messages of {@code list} with their arrival, earliest first. */
    public Map<String, Instant> queued(String list) {
        return store.query("read the review queue of " + list, c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT message_id, arrived FROM review_queue WHERE list = ? ORDER BY arrived, message_id")) {
                p.setString(1, list);
                Map<String, Instant> out = new LinkedHashMap<>();
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        out.put(r.getString(1), Instant.ofEpochMilli(r.getLong(2)));
                    }
                }
                return out;
            }
        });
    }

    /** Every queued Message-ID, of every list. */
    public Set<String> all() {
        return store.query("read the review queue", c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT message_id FROM review_queue");
                 ResultSet r = p.executeQuery()) {
                Set<String> out = new HashSet<>();
                while (r.next()) {
                    out.add(r.getString(1));
                }
                return out;
            }
        });
    }

    /** Drops every queued message of {@code list} but those still {@code waiting}. */
    public void retainOnly(String list, Set<String> waiting) {
        store.update("update the review queue of " + list, c -> {
            Map<String, Instant> all = queued(list);
            try (PreparedStatement p = c.prepareStatement("DELETE FROM review_queue WHERE message_id = ?")) {
                for (String id : all.keySet()) {
                    if (!waiting.contains(id)) {
                        p.setString(1, id);
                        p.addBatch();
                    }
                }
                p.executeBatch();
            }
            return null;
        });
    }
}
