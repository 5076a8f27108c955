package org.lorebot.bot.digest;

import java.time.Clock;
import java.util.Optional;
import org.lorebot.bot.delivery.DeliveryException;
import org.lorebot.bot.delivery.MailDelivery;
import org.lorebot.bot.delivery.MaildirOutbox;
import org.lorebot.bot.delivery.RenderedMail;
import org.lorebot.bot.delivery.SmtpDelivery;
import org.lorebot.bot.delivery.SmtpSettings;
import org.lorebot.bot.state.ArchiveCheck;
import org.lorebot.config.DeliveryConfig;
import org.lorebot.config.LorebotConfig;

/**
 * The delivery {@code [delivery] mode} asks for, as replies use it: in {@code dry-run} every
 * mail goes into the outbox Maildir only; in {@code send} it goes out by SMTP and then a copy
 * into the Maildir. The Maildir copy is what tells, after an interruption, whether a mail that
 * no list archive will ever show (a digest, a confirmation) already left.
 */
public final class ConfiguredDelivery implements MailDelivery {

    private final MaildirOutbox maildir;
    private final Optional<SmtpDelivery> smtp;

    private ConfiguredDelivery(MaildirOutbox maildir, Optional<SmtpDelivery> smtp) {
        this.maildir = maildir;
        this.smtp = smtp;
    }

    /** The delivery of a configuration; reads the SMTP password when sending. */
    public static ConfiguredDelivery of(LorebotConfig config, Clock clock) {
        DeliveryConfig d = config.delivery();
        MaildirOutbox maildir = new MaildirOutbox(d.outbox(), clock);
        if (d.mode() == DeliveryConfig.Mode.DRY_RUN) {
            return new ConfiguredDelivery(maildir, Optional.empty());
        }
        SmtpSettings settings = SmtpSettings.from(config.smtp(), System.getenv());
        return new ConfiguredDelivery(maildir, Optional.of(new SmtpDelivery(settings)));
    }

    /** For tests and callers that build their own SMTP delivery. */
    public static ConfiguredDelivery of(MaildirOutbox maildir, Optional<SmtpDelivery> smtp) {
        return new ConfiguredDelivery(maildir, smtp);
    }

    @Override
    public void deliver(RenderedMail mail) throws DeliveryException {
        if (smtp.isPresent()) {
            smtp.get().deliver(mail);
        }
        maildir.deliver(mail);
    }

    /** Whether a mail already reached the Maildir, i.e. was delivered: the outbox's {@link ArchiveCheck}. */
    public ArchiveCheck deliveredCheck() {
        return maildir::contains;
    }

    /** Whether mail leaves by SMTP. */
    public boolean sends() {
        return smtp.isPresent();
    }
}
