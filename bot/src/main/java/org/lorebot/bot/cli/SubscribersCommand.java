package org.lorebot.bot.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.lorebot.bot.digest.DigestSchedule;
import org.lorebot.bot.state.StateStore;
import org.lorebot.bot.state.Subscription;
import org.lorebot.bot.subscription.ConfiguredSubscribers;
import org.lorebot.bot.subscription.Preferences;
import org.lorebot.config.LorebotConfig;
import org.lorebot.config.SubscriberConfig.Frequency;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lorebot subscribers}: digest subscriptions and where they stand. */
@Command(name = "subscribers", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Lists digest subscriptions: address, state (pending, active, unsubscribed, removed),"
                + " where it came from (config or mail), schedule, the end of the last period sent,"
                + " and when the next digest is due (times in UTC).",
            "The [subscriber] sections of the configuration are applied first."
        })
public final class SubscribersCommand implements Callable<Integer> {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions options;

    @Option(names = "--now", paramLabel = "ISO-8601-TIME",
            description = "Compute due times as if it were this time; default: the clock.")
    String now;

    @Override
    public Integer call() throws Exception {
        Instant at = now == null ? Instant.now() : DigestCommand.parseTime(now);
        LorebotConfig config = options.load();
        PrintWriter out = spec.commandLine().getOut();
        try (StateStore store = StateStore.open(config.core().state(), Clock.fixed(at, ZoneOffset.UTC))) {
            ConfiguredSubscribers.apply(store, config.subscribers(), at);
            List<Subscription> all = store.subscriptions().all();
            if (all.isEmpty()) {
                out.println("lorebot: no digest subscriptions");
                return Lorebot.EXIT_OK;
            }
            out.printf(Locale.ROOT, "%-32s %-12s %-6s %-28s %-17s %s%n", "ADDRESS", "STATE", "FROM", "SCHEDULE",
                    "LAST PERIOD END", "NEXT DUE");
            for (Subscription s : all) {
                String prefs = s.preferences().isEmpty() ? s.pending().orElse("") : s.preferences();
                Preferences p = Preferences.decode(prefs);
                Optional<Instant> last = store.digests().lastPeriodEnd(s.address());
                String next = "-";
                if (s.active()) {
                    Instant boundary = DigestSchedule.latestBoundary(p, at);
                    boolean due = last.isEmpty() || last.get().isBefore(boundary);
                    next = due ? "now" : WHEN.format(DigestSchedule.nextBoundary(p, at));
                }
                out.printf(Locale.ROOT, "%-32s %-12s %-6s %-28s %-17s %s%n", s.address(),
                        s.status().name().toLowerCase(Locale.ROOT), s.fromConfig() ? "config" : "mail",
                        schedule(p), last.map(WHEN::format).orElse("-"), next);
            }
        }
        return Lorebot.EXIT_OK;
    }

    private static String schedule(Preferences p) {
        String when = p.frequency() == Frequency.WEEKLY
                ? "weekly " + p.day().name().substring(0, 3).toLowerCase(Locale.ROOT) : "daily";
        return String.format(Locale.ROOT, "%s %02d:00 %s", when, p.hour(), p.zone().getId());
    }
}
