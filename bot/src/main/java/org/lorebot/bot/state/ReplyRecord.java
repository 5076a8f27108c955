package org.lorebot.bot.state;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A review the bot has decided to send (queued or sent): what it answered and what it said.
 *
 * @param patchMessageId the patch answered
 * @param seriesKey      the series across versions (what {@code #lorebot ignore} silences)
 * @param version        the series version answered
 * @param versionKey     the patch within its version (one reply per patch version)
 * @param replyMessageId the reply's Message-ID
 * @param list           the inbox it went to
 * @param findingKeys    what it reported, one key per finding (to avoid repeating it in v2)
 * @param at             when it was queued
 */
public record ReplyRecord(String patchMessageId, String seriesKey, int version, String versionKey,
                          String replyMessageId, String list, List<String> findingKeys, Instant at) {
    public ReplyRecord {
        Objects.requireNonNull(patchMessageId, "patchMessageId");
        Objects.requireNonNull(seriesKey, "seriesKey");
        Objects.requireNonNull(versionKey, "versionKey");
        Objects.requireNonNull(replyMessageId, "replyMessageId");
        Objects.requireNonNull(list, "list");
        findingKeys = List.copyOf(findingKeys);
        Objects.requireNonNull(at, "at");
        for (String k : findingKeys) {
            if (k.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("finding key holds a line break: " + k);
            }
        }
    }
}
