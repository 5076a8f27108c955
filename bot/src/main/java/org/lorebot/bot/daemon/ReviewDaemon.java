package org.lorebot.bot.daemon;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.lorebot.bot.citation.CitationRanker;
import org.lorebot.bot.delivery.Deliveries;
import org.lorebot.bot.delivery.MailDelivery;
import org.lorebot.bot.delivery.MailRenderer;
import org.lorebot.bot.digest.DigestServices;
import org.lorebot.bot.digest.RunReport;
import org.lorebot.bot.policy.PolicySettings;
import org.lorebot.bot.policy.ReviewPolicy;
import org.lorebot.bot.review.BotIdentity;
import org.lorebot.bot.review.FullMessageIds;
import org.lorebot.bot.review.ListContext;
import org.lorebot.bot.review.ReplyComposer;
import org.lorebot.bot.state.ArchiveCheck;
import org.lorebot.bot.state.DispatchReport;
import org.lorebot.bot.state.OutboxDispatcher;
import org.lorebot.bot.state.RetrySchedule;
import org.lorebot.bot.state.StateStore;
import org.lorebot.config.DeliveryConfig;
import org.lorebot.config.InboxConfig;
import org.lorebot.config.LorebotConfig;
import org.lorebot.index.MailIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The review bot. One pass: for each configured inbox, ingest new mail, find new patches, wait
 * for their series, analyze, apply the policy, compose and queue replies; then work through the
 * outbox; when digests are configured, read the command mailbox and send the digests that are
 * due. {@link #runUntilStopped()} repeats passes every poll interval until
 * {@link #requestStop()} (the shutdown hook calls it on SIGTERM): the step under way finishes,
 * nothing is cut in half.
 */
public final class ReviewDaemon {

    private static final Logger LOG = LoggerFactory.getLogger(ReviewDaemon.class);
    private static final int CITATIONS_PER_FINDING = 3;

    private final LorebotConfig config;
    private final StateStore state;
    private final InboxPass inboxPass;
    private final OutboxDispatcher dispatcher;
    private final Optional<DigestServices> digests;
    private final Clock clock;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);

    ReviewDaemon(LorebotConfig config, MailIndex index, StateStore state, MailDelivery delivery,
                 ArchiveCheck delivered, BotIdentity bot, Optional<DigestServices> digests, Clock clock) {
        this.config = config;
        this.state = state;
        this.digests = digests;
        this.clock = clock;
        Map<String, String> urls = new LinkedHashMap<>();
        for (InboxConfig inbox : config.inboxes()) {
            urls.put(inbox.name(), ListContext.of(inbox).archiveUrl());
        }
        Set<String> botAddresses = Set.of(bot.address().address());
        ReviewPolicy policy = new ReviewPolicy(PolicySettings.from(config.review(), botAddresses));
        IndexPriorDiscussion prior = new IndexPriorDiscussion(index,
                new CitationRanker(Set.copyOf(config.review().maintainers()), botAddresses, CITATIONS_PER_FINDING), urls,
                () -> state.reviewQueue().all());
        Set<String> withheld = new HashSet<>();
        for (InboxConfig inbox : config.inboxes()) {
            if (!config.review().mayPostTo(inbox.name()) && !inbox.address().isEmpty()) {
                withheld.add(inbox.address());
            }
        }
        PatchReview review = new PatchReview(state, policy, new ReplyComposer(bot, withheld), new MailRenderer(), prior,
                config.review().noteRepeats(), id -> fullIds(index, id));
        CommandHandler commands = new CommandHandler(state, index, Set.copyOf(config.review().maintainers()));
        this.inboxPass = new InboxPass(index, state, review, commands, config.review().grace(), config.review().since(),
                config.review().maxAge(), this::stopRequested);
        this.dispatcher = new OutboxDispatcher(state, delivery, delivered, RetrySchedule.standard());
    }

    /**
     * The daemon the configuration describes: delivery per {@code [delivery] mode}, the bot's
     * identity from {@code [delivery] from}. An interrupted delivery is checked against the
     * outbox Maildir (which keeps a copy of everything that left) and, when sending, against the
     * list archive in the index.
     */
    public static ReviewDaemon create(LorebotConfig config, MailIndex index, StateStore state,
                                      Map<String, String> environment, Clock clock) {
        MailDelivery delivery = Deliveries.of(config.delivery(), config.smtp(), environment, clock);
        boolean sending = config.delivery().mode() == DeliveryConfig.Mode.SEND;
        ArchiveCheck delivered = id -> delivery.delivered(id) || (sending && inArchive(index, id));
        BotIdentity bot = BotIdentity.parse(config.delivery().from(), mailer(), null);
        // Digests go through the same delivery as replies; without a subscriber section or a
        // command mailbox nobody can have subscribed, so there is nothing to run.
        Optional<DigestServices> digests = config.subscribers().isEmpty() && !config.commands().enabled()
                ? Optional.empty()
                : Optional.of(DigestServices.create(config, state, index, delivery, clock));
        return new ReviewDaemon(config, index, state, delivery, delivered, bot, digests, clock);
    }

    private static boolean inArchive(MailIndex index, String messageId) {
        try {
            return index.message(messageId).isPresent();
        } catch (IOException e) {
            LOG.warn("cannot look up {} in the archive: {}", messageId, e.getMessage());
            return false;
        }
    }

    private static Map<String, String> fullIds(MailIndex index, String messageId) {
        try {
            return index.message(messageId).map(s -> FullMessageIds.of(s.raw())).orElse(Map.of());
        } catch (IOException e) {
            LOG.warn("cannot read {} from the archive: {}", messageId, e.getMessage());
            return Map.of();
        }
    }

    private static String mailer() {
        String version = ReviewDaemon.class.getPackage().getImplementationVersion();
        return version == null ? "lorebot" : "lorebot " + version;
    }

    /** One pass over every inbox, then the outbox. */
    public PassReport runPass() {
        Instant now = clock.instant();
        List<InboxReport> reports = new ArrayList<>();
        for (InboxConfig inbox : config.inboxes()) {
            if (stopRequested()) {
                break;
            }
            InboxReport r = inboxPass.run(inbox, now);
            LOG.info("{}: {} new message(s), {} review(s) queued, {} skipped, {} too old, {} waiting, {} command(s),"
                    + " {} problem(s)", r.list(), r.ingested(), r.queued(), r.skipped(), r.tooOld(), r.waiting(),
                    r.commands(), r.problems());
            reports.add(r);
        }
        if (stopRequested()) {
            // Queued replies stay in the outbox; the next start delivers them.
            return new PassReport(reports, new DispatchReport(0, 0, 0, 0, 0));
        }
        digests.ifPresent(this::runDigests);
        DispatchReport d = dispatcher.dispatch(clock.instant());
        if (d.sent() + d.recovered() + d.retrying() + d.failed() + d.waiting() > 0) {
            LOG.info("outbox: {} sent, {} found delivered, {} to retry, {} failed, {} awaiting the archive",
                    d.sent(), d.recovered(), d.retrying(), d.failed(), d.waiting());
        }
        return new PassReport(reports, d);
    }

    /** Subscription commands first, so a confirmation made since the last pass counts. */
    private void runDigests(DigestServices services) {
        Instant now = clock.instant();
        try {
            int commands = services.readCommands(now);
            RunReport r = services.runner().runDue(now);
            if (commands + r.queued() + r.failed() > 0) {
                LOG.info("digests: {} command(s), {} due, {} queued, {} empty, {} failed",
                        commands, r.due(), r.queued(), r.empty(), r.failed());
            }
        } catch (IOException | RuntimeException e) {
            // Reviews must not stop because the command mailbox or a digest failed.
            LOG.error("digest step failed: {}", e.toString());
        }
    }

    /** Runs passes every {@code [review] poll-interval} until asked to stop. */
    public void runUntilStopped() throws InterruptedException {
        Duration interval = config.review().pollInterval();
        try {
            while (!stopRequested()) {
                try {
                    runPass();
                } catch (RuntimeException e) {
                    // A broken pass (the state file unwritable, say) is logged; the next may work.
                    LOG.error("review pass failed: {}", e.toString());
                }
                if (stop.await(interval.toMillis(), TimeUnit.MILLISECONDS)) {
                    break;
                }
            }
        } finally {
            stopped.countDown();
        }
    }

    /** Asks the loop to stop after the step under way. */
    public void requestStop() {
        stop.countDown();
    }

    /** Waits until {@link #runUntilStopped()} has returned, at most {@code timeout}. */
    public boolean awaitStopped(Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * A shutdown hook (for SIGTERM): requests the stop and waits, up to {@code grace}, for the
     * current step to finish before the JVM exits.
     */
    public Thread shutdownHook(Duration grace) {
        return new Thread(() -> {
            requestStop();
            try {
                awaitStopped(grace);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "lorebot-shutdown");
    }

    private boolean stopRequested() {
        return stop.getCount() == 0;
    }
}
