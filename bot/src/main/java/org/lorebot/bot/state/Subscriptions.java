package org.lorebot.bot.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Digest subscriptions: opt-in only. A request by mail stays {@code pending} until confirmed with
 * the token sent to the address; a {@code [subscriber]} section makes one active at once. An
 * unsubscribe is final until the owner subscribes again.
 */
public final class Subscriptions {

    private static final String COLUMNS = "address, origin, status, preferences, pending, requested,"
            + " confirmed, ended, created";

    private final StateStore store;

    Subscriptions(StateStore store) {
        this.store = store;
    }

    public Optional<Subscription> get(String address) {
        List<Subscription> found = select("WHERE address = ?", key(address));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Every subscription, by address. */
    public List<Subscription> all() {
        return select("ORDER BY address");
    }

    /** The active ones, by address. */
    public List<Subscription> active() {
        return select("WHERE status = 'active' ORDER BY address");
    }

    /**
     * Records a request by mail; the preferences wait for confirmation. An active subscription
     * keeps its current preferences until then. Returns the request's time, which the
     * confirmation token must name.
     */
    public Instant request(String address, String preferences, Instant now) {
        String a = key(address);
        store.update("record subscription request of " + a, c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO subscriptions (address, origin,"
                    + " status, preferences, pending, requested, created) VALUES (?, 'mail', 'pending', '', ?, ?, ?)"
                    + " ON CONFLICT (address) DO UPDATE SET pending = excluded.pending,"
                    + " requested = excluded.requested,"
                    + " status = CASE WHEN status = 'active' THEN 'active' ELSE 'pending' END")) {
                p.setString(1, a);
                p.setString(2, preferences);
                p.setLong(3, now.toEpochMilli());
                p.setLong(4, now.toEpochMilli());
                p.executeUpdate();
            }
            return null;
        });
        return Instant.ofEpochMilli(now.toEpochMilli());
    }

    /**
     * Confirms the request made at {@code requested}: its preferences take effect and the
     * subscription is active. False, changing nothing, when no such request is waiting (a later
     * request replaced it, or it was already confirmed).
     */
    public boolean confirm(String address, Instant requested, Instant now) {
        String a = key(address);
        return store.update("confirm subscription of " + a, c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE subscriptions SET status = 'active',"
                    + " preferences = pending, pending = NULL, confirmed = ?, ended = NULL"
                    + " WHERE address = ? AND pending IS NOT NULL AND requested = ?")) {
                p.setLong(1, now.toEpochMilli());
                p.setString(2, a);
                p.setLong(3, requested.toEpochMilli());
                return p.executeUpdate() == 1;
            }
        });
    }

    /** Ends a subscription; false when there was none to end. */
    public boolean unsubscribe(String address, Instant now) {
        String a = key(address);
        return store.update("unsubscribe " + a, c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE subscriptions SET status = 'unsubscribed',"
                    + " pending = NULL, ended = ? WHERE address = ? AND status IN ('pending', 'active')")) {
                p.setLong(1, now.toEpochMilli());
                p.setString(2, a);
                return p.executeUpdate() == 1;
            }
        });
    }

    /**
     * Makes the state agree with the {@code [subscriber]} sections: each configured address is
     * active with its configured preferences unless its owner unsubscribed; configured addresses
     * no longer in the file are removed. One transaction.
     *
     * @param configured address to encoded preferences
     */
    public void syncConfigured(java.util.Map<String, String> configured, Instant now) {
        store.update("apply [subscriber] sections", c -> {
            for (var e : configured.entrySet()) {
                upsertConfigured(c, key(e.getKey()), e.getValue(), now);
            }
            List<String> gone = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT address FROM subscriptions WHERE origin = 'config' AND status = 'active'");
                 ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    if (!lowerKeys(configured.keySet()).contains(r.getString(1))) {
                        gone.add(r.getString(1));
                    }
                }
            }
            for (String a : gone) {
                try (PreparedStatement p = c.prepareStatement(
                        "UPDATE subscriptions SET status = 'removed', ended = ? WHERE address = ?")) {
                    p.setLong(1, now.toEpochMilli());
                    p.setString(2, a);
                    p.executeUpdate();
                }
            }
            return null;
        });
    }

    private static void upsertConfigured(Connection c, String address, String preferences, Instant now)
            throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO subscriptions (address, origin, status,"
                + " preferences, confirmed, created) VALUES (?, 'config', 'active', ?, ?, ?)"
                + " ON CONFLICT (address) DO UPDATE SET origin = 'config', preferences = excluded.preferences,"
                + " pending = NULL,"
                + " confirmed = CASE WHEN status = 'active' THEN confirmed ELSE excluded.confirmed END,"
                + " ended = CASE WHEN status = 'unsubscribed' THEN ended ELSE NULL END,"
                + " status = CASE WHEN status = 'unsubscribed' THEN 'unsubscribed' ELSE 'active' END")) {
            p.setString(1, address);
            p.setString(2, preferences);
            p.setLong(3, now.toEpochMilli());
            p.setLong(4, now.toEpochMilli());
            p.executeUpdate();
        }
    }

    private static List<String> lowerKeys(Collection<String> addresses) {
        return addresses.stream().map(Subscriptions::key).toList();
    }

    private static String key(String address) {
        return address.strip().toLowerCase(Locale.ROOT);
    }

    private List<Subscription> select(String where, Object... args) {
        return store.query("read subscriptions", c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS + " FROM subscriptions " + where)) {
                for (int i = 0; i < args.length; i++) {
                    p.setObject(i + 1, args[i]);
                }
                List<Subscription> out = new ArrayList<>();
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        out.add(new Subscription(r.getString(1), r.getString(2).equals("config"),
                                SubscriptionStatus.ofColumn(r.getString(3)), r.getString(4),
                                Optional.ofNullable(r.getString(5)), instant(r, 6), instant(r, 7),
                                instant(r, 8), Instant.ofEpochMilli(r.getLong(9))));
                    }
                }
                return out;
            }
        });
    }

    static Optional<Instant> instant(ResultSet r, int column) throws SQLException {
        long v = r.getLong(column);
        return r.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(v));
    }
}
