package org.lorebot.bot.digest;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import org.lorebot.bot.delivery.MailRenderer;
import org.lorebot.bot.delivery.RenderedMail;
import org.lorebot.bot.review.BotIdentity;
import org.lorebot.bot.review.OutgoingMail;
import org.lorebot.index.mail.Address;

/**
 * Turns a digest into mail: rendered like every bot mail ({@link MailRenderer}), plus the
 * unsubscribe headers of RFC 2369 and RFC 8058. {@code List-Unsubscribe} offers the web
 * server's one-click link (when {@code [digest] web-url} is set) and a mail to the bot carrying
 * the token; {@code List-Unsubscribe-Post: List-Unsubscribe=One-Click} lets a mail client
 * unsubscribe with one {@code POST}, as RFC 8058 requires an HTTPS link for. The Message-ID is
 * derived from the subscriber and the period, so a period's digest always has the same one.
 */
public final class DigestMail {

    private final MailRenderer renderer = new MailRenderer();
    private final Session session = Session.getInstance(new Properties());
    private final BotIdentity bot;
    private final URI webUrl;
    private final DigestText text;

    /** @param webUrl the web server's public base URL, or null when there is none */
    public DigestMail(BotIdentity bot, URI webUrl, ArchiveLinks links) {
        this.bot = bot;
        this.webUrl = webUrl;
        this.text = new DigestText(links);
    }

    /** The Message-ID of a subscriber's digest for the period ending at {@code end}. */
    public String messageId(String address, Instant end) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256")
                    .digest((address + "|" + end.toEpochMilli()).getBytes(StandardCharsets.UTF_8));
            return "digest." + HexFormat.of().formatHex(d, 0, 12) + "@" + bot.domain();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The digest as mail, with {@code token} in its unsubscribe links. */
    public RenderedMail render(Digest digest, String token, Instant now) {
        String unsubscribeUrl = webUrl == null ? null : webUrl + "/unsubscribe/" + token;
        String mailto = "mailto:" + bot.address().address() + "?subject="
                + URLEncoder.encode("unsubscribe " + token, StandardCharsets.UTF_8).replace("+", "%20");
        String line = unsubscribeUrl != null
                ? "To unsubscribe, open " + unsubscribeUrl + " or reply with \"unsubscribe\" in the subject."
                : "To unsubscribe, reply with \"unsubscribe\" in the subject.";
        OutgoingMail mail = new OutgoingMail(messageId(digest.address(), digest.end()), bot.address(),
                List.of(new Address("", digest.address())), List.of(), text.subject(digest), null, List.of(),
                now, bot.mailer(), text.body(digest, line));
        RenderedMail rendered = renderer.render(mail);
        try {
            MimeMessage m = new MimeMessage(session, new ByteArrayInputStream(rendered.bytes()));
            m.setHeader("List-Unsubscribe", unsubscribeUrl != null
                    ? "<" + unsubscribeUrl + ">, <" + mailto + ">" : "<" + mailto + ">");
            if (unsubscribeUrl != null && unsubscribeUrl.startsWith("https:")) {
                m.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
            m.setHeader("Precedence", "bulk");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            // A parsed message is written back as read: Message-ID and body stay as rendered.
            m.writeTo(out);
            return new RenderedMail(rendered.messageId(), rendered.recipients(), out.toByteArray());
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("cannot add unsubscribe headers to " + rendered.messageId(), e);
        }
    }
}
