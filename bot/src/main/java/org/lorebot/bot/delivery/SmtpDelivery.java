package org.lorebot.bot.delivery;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.lorebot.config.SmtpConfig.Security;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends mail through an SMTP server with Jakarta Mail. Each delivery opens its own connection:
 * the bot sends a handful of mails an hour, and a fresh connection survives server restarts.
 * The bytes go out as rendered; the Message-ID is never rewritten.
 */
public final class SmtpDelivery implements MailDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(SmtpDelivery.class);

    private final SmtpSettings settings;
    private final Session session;

    public SmtpDelivery(SmtpSettings settings) {
        this.settings = settings;
        this.session = Session.getInstance(properties(settings));
    }

    /** The Jakarta Mail session properties for these settings (no secrets in them). */
    static Properties properties(SmtpSettings s) {
        String protocol = protocol(s.security());
        String p = "mail." + protocol + ".";
        Properties props = new Properties();
        props.setProperty("mail.transport.protocol", protocol);
        props.setProperty(p + "host", s.host());
        props.setProperty(p + "port", Integer.toString(s.port()));
        props.setProperty(p + "auth", Boolean.toString(s.user().isPresent()));
        String millis = Long.toString(s.timeout().toMillis());
        props.setProperty(p + "connectiontimeout", millis);
        props.setProperty(p + "timeout", millis);
        props.setProperty(p + "writetimeout", millis);
        props.setProperty(p + "sendpartial", "true");
        // Once the server has answered 250 to the end of DATA the mail is sent; waiting for the
        // answer to QUIT could only turn a sent mail into a reported failure.
        props.setProperty(p + "quitwait", "false");
        switch (s.security()) {
            case STARTTLS -> {
                props.setProperty(p + "starttls.enable", "true");
                props.setProperty(p + "starttls.required", "true");
                props.setProperty(p + "ssl.checkserveridentity", "true");
            }
            case SMTPS -> {
                props.setProperty(p + "ssl.enable", "true");
                props.setProperty(p + "ssl.checkserveridentity", "true");
            }
            case NONE -> props.setProperty(p + "starttls.enable", "false");
        }
        return props;
    }

    private static String protocol(Security security) {
        return security == Security.SMTPS ? "smtps" : "smtp";
    }

    @Override
    public void deliver(RenderedMail mail) throws DeliveryException {
        WatchedMessage message;
        Address[] recipients;
        try {
            message = new WatchedMessage(session, mail.bytes());
            recipients = new Address[mail.recipients().size()];
            for (int i = 0; i < recipients.length; i++) {
                recipients[i] = new InternetAddress(mail.recipients().get(i), true);
            }
        } catch (MessagingException e) {
            throw new DeliveryException("mail " + mail.messageId() + " is not valid: " + e.getMessage(), false, e);
        }
        Transport transport;
        try {
            transport = session.getTransport(protocol(settings.security()));
        } catch (MessagingException e) {
            throw new DeliveryException("no SMTP transport: " + server(e), false, null);
        }
        try {
            if (settings.user().isPresent()) {
                transport.connect(settings.host(), settings.port(), settings.user().get(),
                        settings.password().orElseThrow().reveal());
            } else {
                transport.connect();
            }
            // sendMessage, unlike Transport.send, does not call saveChanges(): the bytes and the
            // Message-ID go out exactly as rendered. It returns once the server said 250 to DATA.
            transport.sendMessage(message, recipients);
        } catch (AuthenticationFailedException e) {
            throw new DeliveryException("SMTP login as " + settings.user().orElse("?") + " at "
                    + where() + " failed: " + server(e), false, null);
        } catch (SendFailedException e) {
            Address[] delivered = e.getValidSentAddresses();
            if (delivered != null && delivered.length > 0) {
                // Partial sends are on: a stale address on a long Cc list must not hold the
                // review back from everyone else, and retrying would send it twice.
                LOG.warn("{} went to {} recipient(s); the server refused {}: {}", mail.messageId(),
                        delivered.length, Arrays.toString(e.getInvalidAddresses()), server(e));
                return;
            }
            throw new DeliveryException("SMTP server " + where() + " refused " + mail.messageId()
                    + ": " + server(e), isTransient(e), null);
        } catch (MessagingException e) {
            if (message.written()) {
                // The whole mail went out and the server's verdict was lost: it may hold the mail.
                throw DeliveryException.uncertain("the connection to " + where() + " broke after "
                        + mail.messageId() + " was transmitted, before the server answered: " + describe(e));
            }
            throw new DeliveryException("cannot send " + mail.messageId() + " through " + where()
                    + ": " + describe(e), true, null);
        } finally {
            closeQuietly(transport, mail.messageId());
        }
    }

    /** QUIT and the socket's end change nothing about a mail the server has accepted. */
    private void closeQuietly(Transport transport, String messageId) {
        try {
            transport.close();
        } catch (MessagingException e) {
            LOG.debug("closing the connection to {} after {}: {}", where(), messageId, describe(e));
        }
    }

    /**
     * The mail as Jakarta Mail sends it, noting when its last byte was handed to the connection:
     * a failure after that point leaves the outcome unknown, one before it means not sent.
     */
    private static final class WatchedMessage extends MimeMessage {

        private boolean written;

        WatchedMessage(Session session, byte[] raw) throws MessagingException {
            super(session, new ByteArrayInputStream(raw));
        }

        @Override
        public void writeTo(OutputStream os, String[] ignoreList) throws IOException, MessagingException {
            written = false;
            super.writeTo(os, ignoreList);
            os.flush();
            written = true;
        }

        boolean written() {
            return written;
        }
    }

    /** A 4xx reply anywhere in the chain means "try later"; only 5xx replies are final. */
    static boolean isTransient(MessagingException e) {
        boolean sawCode = false;
        for (Exception x = e; x != null;
             x = x instanceof MessagingException m ? m.getNextException() : null) {
            int code = x instanceof SMTPSendFailedException s ? s.getReturnCode()
                    : x instanceof SMTPAddressFailedException a ? a.getReturnCode() : -1;
            if (code >= 400 && code < 500) {
                return true;
            }
            sawCode |= code >= 500;
        }
        return !sawCode;
    }

    private String where() {
        return settings.host() + ":" + settings.port();
    }

    // Server replies and exception texts name no password; causes are dropped anyway, so that
    // nothing deeper in the stack (a session dump, a socket detail) can carry one into a log.
    private static String server(MessagingException e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.strip();
    }

    private static String describe(MessagingException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String what = root instanceof IOException ? root.getClass().getSimpleName() + ": " + root.getMessage()
                : server(e);
        return what;
    }
}
