package org.lorebot.bot.state;

import java.time.Instant;
import java.util.Objects;
import org.lorebot.bot.delivery.DeliveryException;
import org.lorebot.bot.delivery.MailDelivery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works through the outbox: marks each due item {@code sending} (committed), delivers it, marks
 * it {@code sent}. Before any item goes out, the delivery's own record (the outbox Maildir) and
 * the archive are asked whether a mail with its Message-ID already left, so neither a crash nor
 * a lost or restored state file posts it twice. An item left in {@code sending} (a crash, or a
 * connection that broke before the server's verdict) is sent again only when nothing shows it
 * after the archive has had time to.
 */
public final class OutboxDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);

    private final StateStore store;
    private final MailDelivery delivery;
    private final ArchiveCheck archive;
    private final RetrySchedule schedule;

    public OutboxDispatcher(StateStore store, MailDelivery delivery, ArchiveCheck archive, RetrySchedule schedule) {
        this.store = Objects.requireNonNull(store, "store");
        this.delivery = Objects.requireNonNull(delivery, "delivery");
        this.archive = Objects.requireNonNull(archive, "archive");
        this.schedule = Objects.requireNonNull(schedule, "schedule");
    }

    /** One pass over the items due at {@code now}. */
    public DispatchReport dispatch(Instant now) {
        int sent = 0;
        int recovered = 0;
        int retrying = 0;
        int failed = 0;
        int waiting = 0;
        Outbox outbox = store.outbox();
        for (OutboxEntry e : outbox.due(now)) {
            String id = e.messageId();
            if (archive.holds(id)) {
                LOG.info("{} already went out (the outbox Maildir or the archive holds it); not sending it again", id);
                outbox.markSent(id, now);
                recovered++;
                continue;
            }
            if (e.status() == OutboxStatus.SENDING) {
                Instant since = e.sendingSince().orElse(e.created());
                if (now.isBefore(since.plus(schedule.archiveLag()))) {
                    waiting++;
                    continue;
                }
                LOG.warn("{} was interrupted mid-delivery and the archive does not show it; sending again", id);
            }
            outbox.markSending(id, now);
            try {
                delivery.deliver(e.mail());
                outbox.markSent(id, now);
                sent++;
            } catch (DeliveryException ex) {
                int attempts = e.attempts() + 1;
                if (ex.isUncertain()) {
                    // Left in "sending": the archive gets its time to show the mail first.
                    LOG.warn("delivery of {} has no known outcome (attempt {}); waiting {} for the archive: {}",
                            id, attempts, schedule.archiveLag(), ex.getMessage());
                    waiting++;
                } else if (ex.isTransient() && attempts < schedule.maxAttempts()) {
                    Instant next = schedule.next(now, attempts);
                    LOG.warn("delivery of {} failed (attempt {}), next try at {}: {}", id, attempts, next, ex.getMessage());
                    outbox.markRetry(id, ex.getMessage(), next);
                    retrying++;
                } else {
                    LOG.error("delivery of {} failed for good after {} attempt(s): {}", id, attempts, ex.getMessage());
                    outbox.markFailed(id, ex.getMessage());
                    failed++;
                }
            }
        }
        return new DispatchReport(sent, recovered, retrying, failed, waiting);
    }
}
