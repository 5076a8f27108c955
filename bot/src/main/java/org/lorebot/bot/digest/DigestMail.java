package org.lorebot.bot.digest;

import jakarta.mail.internet.MimeUtility;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
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

    /**
     * The digest as its subscriber would read it, subject first, with {@code token} standing
     * for the unsubscribe token: what {@code lorebot digest --preview} prints.
     */
    public String preview(Digest digest, String token) {
        return "Subject: " + text.subject(digest) + "\n\n" + text.body(digest, unsubscribeLine(token));
    }

    private String unsubscribeLine(String token) {
        return webUrl != null
                ? "To unsubscribe, open " + webUrl + "/unsubscribe/" + token
                        + " or reply with \"unsubscribe\" in the subject."
                : "To unsubscribe, reply with \"unsubscribe\" in the subject.";
    }

    /** The digest as mail, with {@code token} in its unsubscribe links. */
    public RenderedMail render(Digest digest, String token, Instant now) {
        String unsubscribeUrl = webUrl == null ? null : webUrl + "/unsubscribe/" + token;
        String mailto = "mailto:" + bot.address().address() + "?subject="
                + URLEncoder.encode("unsubscribe " + token, StandardCharsets.UTF_8).replace("+", "%20");
        OutgoingMail mail = new OutgoingMail(messageId(digest.address(), digest.end()), bot.address(),
                List.of(new Address("", digest.address())), List.of(), text.subject(digest), null, List.of(),
                now, bot.mailer(), text.body(digest, unsubscribeLine(token)));
        RenderedMail rendered = renderer.render(mail);
        StringBuilder headers = new StringBuilder();
        header(headers, "List-Unsubscribe", unsubscribeUrl != null
                ? "<" + unsubscribeUrl + ">, <" + mailto + ">" : "<" + mailto + ">");
        if (unsubscribeUrl != null && unsubscribeUrl.startsWith("https:")) {
            header(headers, "List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        header(headers, "Precedence", "bulk");
        return new RenderedMail(rendered.messageId(), rendered.recipients(), withHeaders(rendered.bytes(), headers));
    }

    /** Appends a header, folded at the blanks between its parts as RFC 5322 asks of long lines. */
    private static void header(StringBuilder out, String name, String value) {
        out.append(MimeUtility.fold(name.length() + 2, name + ": " + value).replace("\r\n", "\n")
                .replace("\n", "\r\n")).append("\r\n");
    }

    /** The rendered mail with more header lines at the end of its header (the body is left as rendered). */
    private static byte[] withHeaders(byte[] mail, CharSequence headers) {
        int end = -1;
        for (int i = 0; i + 3 < mail.length; i++) {
            if (mail[i] == '\r' && mail[i + 1] == '\n' && mail[i + 2] == '\r' && mail[i + 3] == '\n') {
                end = i + 2;
                break;
            }
        }
        if (end < 0) {
            throw new IllegalStateException("rendered mail has no header/body separator");
        }
        byte[] extra = headers.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[mail.length + extra.length];
        System.arraycopy(mail, 0, out, 0, end);
        System.arraycopy(extra, 0, out, end, extra.length);
        System.arraycopy(mail, end, out, end + extra.length, mail.length - end);
        return out;
    }
}
