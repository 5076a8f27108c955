package org.lorebot.bot.digest;

/**
 * The numbers a digest opens with.
 *
 * @param messages messages that arrived on the subscriber's lists (every list when none chosen)
 * @param patches  patches in the subscriber's area
 * @param series   series and new versions listed
 * @param active   series in the area with activity
 * @param findings findings listed
 * @param threads  threads matching saved searches
 */
public record DigestCounts(int messages, int patches, int series, int active, int findings, int threads) {
}
