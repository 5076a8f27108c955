package org.lorebot.bot.delivery;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import org.lorebot.bot.review.OutgoingMail;
import org.lorebot.index.mail.Address;

/**
 * Turns an {@link OutgoingMail} into RFC 5322 bytes with Jakarta Mail: a single
 * {@code text/plain; charset=utf-8} part, non-ASCII headers RFC 2047-encoded, the Message-ID
 * kept as composed (Jakarta Mail would otherwise invent one), References folded.
 */
public final class MailRenderer {

    private final Session session = Session.getInstance(new Properties());

    public RenderedMail render(OutgoingMail mail) {
        try {
            MimeMessage message = new ComposedIdMessage(session, mail.messageId());
            message.setFrom(internet(mail.from()));
            message.setRecipients(Message.RecipientType.TO, internet(mail.to()));
            if (!mail.cc().isEmpty()) {
                message.setRecipients(Message.RecipientType.CC, internet(mail.cc()));
            }
            message.setSubject(mail.subject(), "utf-8");
            message.setSentDate(Date.from(mail.date()));
            if (mail.inReplyTo() != null) {
                message.setHeader("In-Reply-To", "<" + mail.inReplyTo() + ">");
            }
            if (!mail.references().isEmpty()) {
                message.setHeader("References", MimeUtility.fold(12, angle(mail.references())));
            }
            message.setHeader("Auto-Submitted", OutgoingMail.AUTO_SUBMITTED);
            message.setHeader("X-Mailer", mail.mailer());
            // 7bit and 8bit bodies are written as given, so their line ends must already be CRLF.
            message.setText(mail.body().replace("\r\n", "\n").replace("\n", "\r\n"), "utf-8");
            // Kernel readers quote and apply what they see: 8bit keeps a quoted diff line whole
            // where quoted-printable would split it and escape '=' and tabs.
            message.setHeader("Content-Transfer-Encoding", isAscii(mail.body()) ? "7bit" : "8bit");
            message.saveChanges();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            message.writeTo(bytes);
            List<String> recipients = mail.recipients().stream().map(Address::address).toList();
            return new RenderedMail(mail.messageId(), recipients, bytes.toByteArray());
        } catch (MessagingException | IOException e) {
            throw new IllegalArgumentException("cannot render mail " + mail.messageId() + ": " + e.getMessage(), e);
        }
    }

    private static boolean isAscii(String s) {
        return s.chars().allMatch(c -> c < 0x80);
    }

    private static String angle(List<String> ids) {
        List<String> out = new ArrayList<>(ids.size());
        ids.forEach(id -> out.add("<" + id + ">"));
        return String.join(" ", out);
    }

    private static InternetAddress[] internet(List<Address> addresses) throws AddressException, UnsupportedEncodingException {
        InternetAddress[] out = new InternetAddress[addresses.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = internet(addresses.get(i));
        }
        return out;
    }

    private static InternetAddress internet(Address a) throws AddressException, UnsupportedEncodingException {
        InternetAddress ia = new InternetAddress(a.address(), a.name().isEmpty() ? null : a.name(), "utf-8");
        ia.validate();
        return ia;
    }

    /** Keeps the composed Message-ID where Jakarta Mail would generate a random one. */
    private static final class ComposedIdMessage extends MimeMessage {
        private final String messageId;

        ComposedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", "<" + messageId + ">");
        }
    }
}
