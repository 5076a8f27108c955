package org.lorebot.bot.daemon;

/**
 * What one pass did on one inbox.
 *
 * @param list      the inbox
 * @param ingested  messages newly added to the index
 * @param queued    reviews queued for delivery
 * @param skipped   messages decided not to answer
 * @param waiting   patches left for a later pass (incomplete series, embargo, rate limit)
 * @param commands  {@code #lorebot} commands applied
 * @param problems  messages or steps that failed and were logged and skipped
 * @param tooOld    new messages not answered because their Date is older than
 *                  {@code review.max-age} before they arrived
 */
public record InboxReport(String list, long ingested, int queued, int skipped, int waiting, int commands,
                          int problems, int tooOld) {
}
