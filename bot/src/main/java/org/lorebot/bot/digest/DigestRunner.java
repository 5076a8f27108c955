package org.lorebot.bot.digest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.lorebot.bot.delivery.RenderedMail;
import org.lorebot.bot.maintainers.MaintainersFile;
import org.lorebot.bot.state.DigestPeriod;
import org.lorebot.bot.state.OutboxDispatcher;
import org.lorebot.bot.state.StateStore;
import org.lorebot.bot.state.Subscription;
import org.lorebot.bot.subscription.ConfiguredSubscribers;
import org.lorebot.bot.subscription.Preferences;
import org.lorebot.bot.subscription.SubscriptionManager;
import org.lorebot.config.SubscriberConfig;
import org.lorebot.index.MailIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the digests that are due. {@link #runDue} is the one entry point, for
 * {@code lorebot digest} and for the daemon's schedule (call it every poll or every few
 * minutes: it does nothing while no digest is due, beyond noting new arrivals).
 *
 * <p>For each active subscriber whose latest boundary has passed and whose last recorded
 * period ends before it, the digest covers the time since that period's end (the first one,
 * the period just before the boundary), by arrival in the archive. A missed run is caught up by
 * one digest reaching back to the last one. Each period is recorded together with its queued
 * mail in one transaction, so a restart at any point neither skips nor repeats a period; the
 * outbox then delivers what is queued.
 */
public final class DigestRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DigestRunner.class);

    /** Digests recorded per transaction: each commit syncs the state file to disk. */
    private static final int BATCH = 100;

    private final StateStore store;
    private final MailIndex index;
    private final List<SubscriberConfig> configured;
    private final Supplier<Optional<MaintainersFile>> maintainers;
    private final SubscriptionManager subscriptions;
    private final DigestMail mail;
    private final OutboxDispatcher dispatcher;
    private final ArrivalScanner scanner;

    /**
     * @param configured    the {@code [subscriber]} sections
     * @param maintainers   the MAINTAINERS file, read when a digest needs it (empty when not
     *                      configured; throws {@link IllegalStateException} when unreadable)
     * @param dispatcher    delivers the outbox after queuing, or null to leave that to the caller
     *                      (the daemon, which dispatches the outbox anyway)
     */
    public DigestRunner(StateStore store, MailIndex index, List<SubscriberConfig> configured,
                        Supplier<Optional<MaintainersFile>> maintainers, SubscriptionManager subscriptions,
                        DigestMail mail, OutboxDispatcher dispatcher) {
        this.store = Objects.requireNonNull(store, "store");
        this.index = Objects.requireNonNull(index, "index");
        this.configured = List.copyOf(configured);
        this.maintainers = Objects.requireNonNull(maintainers, "maintainers");
        this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
        this.mail = Objects.requireNonNull(mail, "mail");
        this.dispatcher = dispatcher;
        this.scanner = new ArrivalScanner(index, store.digests());
    }

    /** Makes the state agree with the configuration's {@code [subscriber]} sections. */
    public void applyConfiguredSubscribers(Instant now) {
        ConfiguredSubscribers.apply(store, configured, now);
    }

    /** Queues (and, with a dispatcher, delivers) every digest due at {@code now}. */
    public RunReport runDue(Instant now) {
        applyConfiguredSubscribers(now);
        int arrivals = scanner.scan(now);
        List<Due> due = new ArrayList<>();
        for (Subscription s : store.subscriptions().active()) {
            Preferences p = Preferences.decode(s.preferences());
            Instant boundary = DigestSchedule.latestBoundary(p, now);
            Optional<Instant> last = store.digests().lastPeriodEnd(s.address());
            if (last.isPresent() && !last.get().isBefore(boundary)) {
                continue;
            }
            Instant start = last.orElseGet(() -> DigestSchedule.previousBoundary(p, boundary));
            Instant oldest = now.minus(ArrivalScanner.RETENTION);
            due.add(new Due(s.address(), p, start.isBefore(oldest) ? oldest : start, boundary));
        }
        int queued = 0;
        int empty = 0;
        int failed = 0;
        if (!due.isEmpty()) {
            DigestMaterial material = material(due);
            DigestBuilder builder = new DigestBuilder(material::history);
            // Building and rendering are independent per subscriber: spread over the cores.
            List<Built> built = due.parallelStream().map(d -> build(d, builder, material, now)).toList();
            List<Map.Entry<DigestPeriod, Optional<RenderedMail>>> batch = new ArrayList<>();
            for (Built b : built) {
                if (b.record().isEmpty()) {
                    failed++;
                    continue;
                }
                empty += b.record().get().getValue().isEmpty() ? 1 : 0;
                batch.add(b.record().get());
                if (batch.size() == BATCH) {
                    queued += store.digests().recordPeriods(batch);
                    batch.clear();
                }
            }
            queued += store.digests().recordPeriods(batch);
            store.digests().recordSeries(material.seriesVersions());
        }
        return new RunReport(arrivals, due.size(), queued, empty, failed,
                dispatcher == null ? Optional.empty() : Optional.of(dispatcher.dispatch(now)));
    }

    private Built build(Due d, DigestBuilder builder, DigestMaterial material, Instant now) {
        try {
            Interest interest = Interest.of(d.preferences, maintainers);
            Digest digest = builder.build(d.address, interest, material.window(d.start, d.end),
                    material.window(DigestMaterial.previousStart(d.start, d.end), d.start), material.matches());
            if (digest.isEmpty()) {
                return new Built(Optional.of(Map.entry(
                        new DigestPeriod(d.address, d.start, d.end, Optional.empty(), 0, now), Optional.empty())));
            }
            RenderedMail rendered = mail.render(digest, subscriptions.unsubscribeToken(d.address, now), now);
            return new Built(Optional.of(Map.entry(new DigestPeriod(d.address, d.start, d.end,
                    Optional.of(rendered.messageId()), digest.items(), now), Optional.of(rendered))));
        } catch (RuntimeException e) {
            // One subscriber's bad preferences must not hold back everyone else's digest.
            LOG.error("digest for {} not built: {}", d.address, e.getMessage());
            return new Built(Optional.empty());
        }
    }

    /** A built digest's period and mail, or empty when it could not be built. */
    private record Built(Optional<Map.Entry<DigestPeriod, Optional<RenderedMail>>> record) {
    }

    private DigestMaterial material(List<Due> due) {
        Instant from = due.get(0).start;
        Instant to = due.get(0).end;
        Set<String> queries = new HashSet<>();
        for (Due d : due) {
            Instant previous = DigestMaterial.previousStart(d.start, d.end);
            from = previous.isBefore(from) ? previous : from;
            to = d.end.isAfter(to) ? d.end : to;
            queries.addAll(d.preferences.queries());
        }
        FactsLoader loader = new FactsLoader(index);
        DigestMaterial material = new DigestMaterial(index, loader, loader.load(store.digests().arrivals(from, to)),
                store.digests()::seriesVersions);
        // Arrivals may carry a Date up to LATE_ARRIVAL before their period's start.
        material.search(index, queries, from.minus(ArrivalScanner.LATE_ARRIVAL).minusSeconds(86_400));
        for (Due d : due) {
            material.prepare(d.start, d.end);
        }
        return material;
    }

    /** A subscriber's due period. */
    private record Due(String address, Preferences preferences, Instant start, Instant end) {
    }
}
