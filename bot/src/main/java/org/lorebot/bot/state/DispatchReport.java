package org.lorebot.bot.state;

/**
 * What one pass over the outbox did.
 *
 * @param sent      delivered now
 * @param recovered found already delivered (in the outbox Maildir or the archive)
 * @param retrying  put back to wait after a transient failure
 * @param failed    given up on
 * @param waiting   items whose delivery was interrupted or has no known outcome, waiting for
 *                  the archive to show them
 */
public record DispatchReport(int sent, int recovered, int retrying, int failed, int waiting) {
}
