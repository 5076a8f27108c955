package org.lorebot.bot.digest;

import java.util.List;
import java.util.Objects;
import org.lorebot.bot.digest.activity.Acceptance;

/**
 * A reply in the period saying (part of) a series was applied or merged.
 *
 * @param acceptance what it said, and where to
 * @param by         who said it
 * @param what       what it answered: {@code v3}, or {@code v3 2/8} for one patch
 * @param messageId  the first such reply
 * @param list       its inbox
 */
public record TakenItem(Acceptance acceptance, String by, List<String> what, String messageId, String list) {
    public TakenItem {
        Objects.requireNonNull(acceptance, "acceptance");
        Objects.requireNonNull(by, "by");
        what = List.copyOf(what);
        Objects.requireNonNull(messageId, "messageId");
    }
}
