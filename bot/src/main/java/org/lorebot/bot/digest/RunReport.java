package org.lorebot.bot.digest;

import java.util.Optional;
import org.lorebot.bot.state.DispatchReport;

/**
 * What one {@link DigestRunner#runDue} did.
 *
 * @param arrivals   messages newly seen in the archive
 * @param due        subscribers whose digest was due
 * @param queued     digests queued for delivery
 * @param empty      due periods with nothing new (recorded, nothing sent)
 * @param failed     due subscribers whose digest could not be built (logged; retried next run)
 * @param dispatched what the outbox pass delivered, when the runner dispatches
 */
public record RunReport(int arrivals, int due, int queued, int empty, int failed,
                        Optional<DispatchReport> dispatched) {
}
