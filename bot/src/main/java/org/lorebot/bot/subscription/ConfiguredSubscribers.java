package org.lorebot.bot.subscription;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lorebot.bot.state.StateStore;
import org.lorebot.config.SubscriberConfig;

/**
 * The operator's {@code [subscriber]} sections, applied to the state: each is active at once
 * (the operator vouches for it) unless its owner unsubscribed; one taken out of the file stops.
 */
public final class ConfiguredSubscribers {

    private ConfiguredSubscribers() {
    }

    public static void apply(StateStore store, List<SubscriberConfig> configured, Instant now) {
        Map<String, String> wanted = new LinkedHashMap<>();
        for (SubscriberConfig c : configured) {
            wanted.put(c.address(), Preferences.of(c).format());
        }
        store.subscriptions().syncConfigured(wanted, now);
    }
}
