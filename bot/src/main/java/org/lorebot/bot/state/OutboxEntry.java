package org.lorebot.bot.state;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.lorebot.bot.delivery.RenderedMail;

/**
 * One mail in the transactional outbox.
 *
 * @param mail           the rendered mail, exactly as it will be sent
 * @param patchMessageId the patch it answers
 * @param list           the inbox it answers on
 * @param status         where it stands
 * @param attempts       delivery attempts so far
 * @param nextAttempt    not to be tried before this time
 * @param sendingSince   when the current attempt began, if it is {@link OutboxStatus#SENDING}
 * @param lastError      the last failure, if any
 * @param created        when it was queued
 * @param sent           when it was delivered, if it was
 */
public record OutboxEntry(RenderedMail mail, String patchMessageId, String list, OutboxStatus status,
                          int attempts, Instant nextAttempt, Optional<Instant> sendingSince,
                          Optional<String> lastError, Instant created, Optional<Instant> sent) {
    public OutboxEntry {
        Objects.requireNonNull(mail, "mail");
        Objects.requireNonNull(status, "status");
    }

    public String messageId() {
        return mail.messageId();
    }
}
