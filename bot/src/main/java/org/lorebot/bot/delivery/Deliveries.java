package org.lorebot.bot.delivery;

import java.time.Clock;
import java.util.Map;
import org.lorebot.config.DeliveryConfig;
import org.lorebot.config.SmtpConfig;

/** The delivery the configuration asks for. */
public final class Deliveries {

    private Deliveries() {
    }

    /**
     * {@code dry-run} (the default): the outbox Maildir only. {@code send}: the Maildir copy,
     * then SMTP.
     *
     * @param environment where {@code password-env} is looked up ({@code System.getenv()})
     */
    public static MailDelivery of(DeliveryConfig delivery, SmtpConfig smtp, Map<String, String> environment,
                                  Clock clock) {
        MaildirOutbox outbox = new MaildirOutbox(delivery.outbox(), clock);
        return switch (delivery.mode()) {
            case DRY_RUN -> outbox;
            case SEND -> new CopyThenSend(outbox, new SmtpDelivery(SmtpSettings.from(smtp, environment)));
        };
    }
}
