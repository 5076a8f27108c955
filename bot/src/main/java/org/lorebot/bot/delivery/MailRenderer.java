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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
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
            message.setHeader("Subject", subject(mail.subject()));
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

    /** RFC 5322's limit on a header line, CRLF excluded. */
    static final int MAX_LINE = 998;
    /** Bytes of UTF-8 per encoded-word: 60 base64 characters, 75 with the wrapping. */
    private static final int WORD_BYTES = 45;

    /**
     * The Subject header's value, folded: a subject of any length becomes lines under 998
     * characters. Folding happens between words, so a word too long for one line (a pasted
     * blob) makes the subject go as RFC 2047 encoded-words, which fold anywhere.
     */
    static String subject(String subject) throws UnsupportedEncodingException {
        String text = subject.replaceAll("[\\r\\n]+", " ");
        String value = MimeUtility.encodeText(text, "utf-8", null);
        boolean longWord = false;
        for (String word : value.split("\\s+")) {
            longWord |= word.length() > MAX_LINE - "Subject: ".length();
        }
        return MimeUtility.fold("Subject: ".length(), longWord ? encodedWords(text) : value);
    }

    /** {@code text} as base64 encoded-words of at most {@link #WORD_BYTES}, never splitting a character. */
    private static String encodedWords(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder chunk = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            String c = new String(Character.toChars(cp));
            int n = c.getBytes(StandardCharsets.UTF_8).length;
            if (bytes + n > WORD_BYTES) {
                words.add(encodedWord(chunk.toString()));
                chunk.setLength(0);
                bytes = 0;
            }
            chunk.append(c);
            bytes += n;
            i += c.length();
        }
        if (chunk.length() > 0) {
            words.add(encodedWord(chunk.toString()));
        }
        return String.join(" ", words);
    }

    private static String encodedWord(String text) {
        return "=?utf-8?B?" + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "?=";
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
        // A display name is the sender's to choose, encoded CR/LF included: as a header it must
        // stay one phrase, so control characters become spaces.
        String name = a.name().replaceAll("\\p{Cntrl}+", " ").strip();
        InternetAddress ia = new InternetAddress(a.address(), name.isEmpty() ? null : name, "utf-8");
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
