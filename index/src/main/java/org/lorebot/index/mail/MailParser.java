package org.lorebot.index.mail;

import java.text.ParsePosition;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.util.MailStreamProvider;

/**
 * Parses raw RFC 5322 messages into {@link MailMessage}s with Jakarta Mail. Thread-safe and
 * stateless: one instance can serve every ingest thread.
 *
 * <p>Lenient the way real archives need: RFC 2047 headers, raw UTF-8 or Latin-1 in headers,
 * quoted-printable and base64 bodies (bad base64 is skipped, not fatal), unknown charsets
 * (UTF-8 when the bytes are valid UTF-8, else windows-1252), broken multipart boundaries (the
 * raw body is kept as text), HTML-only mail (turned into text with jsoup). The message is parsed
 * once; part contents point into {@code raw} rather than being copied.
 *
 * <p>Every id of every Message-ID header is kept: public-inbox stores a message whose id was
 * taken with a second, generated Message-ID header, and finds it by both. A message without a
 * usable Message-ID (none, or an empty header) is archived too, as public-inbox archives it,
 * under an id derived from its content ({@link ContentHash#derivedId}), so reading the same
 * mbox again keys it the same way. Archives written by public-inbox never need this: it gives
 * such a message an id when it imports it.
 *
 * <p>Recipients for public-inbox's {@code t:}, {@code c:} and {@code a:} searches: To and Cc
 * are parsed into {@link Address}es (groups flattened); a header that does not parse as
 * addresses is kept whole, decoded, as one name-only Address, so {@code Address.toString()}
 * over the list gives every word the header had.
 */
public final class MailParser {

    private static final DateTimeFormatter ASCTIME =
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT);
    private static final ThreadLocal<MailDateFormat> DATE_FORMAT = ThreadLocal.withInitial(MailDateFormat::new);

    /** The system property Jakarta Mail reads first when it looks for its stream provider. */
    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    private final Session session;

    public MailParser() {
        // Jakarta Mail 2.1 looks its stream provider up anew for every body part, multipart and
        // encoded word, and a ServiceLoader lookup reads the jars' service files each time
        // (jakartaee/mail-api#699, #861): named here, it is a class-name lookup (lorebot runs
        // from one class path, so the name resolves from every thread).
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, MailStreamProvider.class.getName());
        }
        Properties properties = new Properties();
        // header bytes arrive one per char and are decoded by HeaderText.recover8bit
        properties.setProperty("mail.mime.allowutf8", "false");
        this.session = Session.getInstance(properties);
    }

    /** Parses a message whose arrival time is unknown. */
    public MailMessage parse(byte[] raw) throws MalformedMailException {
        return parse(raw, null);
    }

    /**
     * Parses a message.
     *
     * @param raw      the message as stored; only read, never modified
     * @param received when the archive received it (the commit time), the date to use when the
     *                 Date header is missing or unreadable; may be null
     * @throws MalformedMailException when the message has no Message-ID or no header at all
     */
    public MailMessage parse(byte[] raw, Instant received) throws MalformedMailException {
        if (raw == null || raw.length == 0) {
            throw new MalformedMailException("empty message");
        }
        try {
            return read(new ArchivedMessage(session, raw), received);
        } catch (MessagingException e) {
            throw new MalformedMailException("unreadable header: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // a library bug on hostile input must not stop an import: report it like bad mail
            throw new MalformedMailException("cannot parse (" + e + ")", e);
        }
    }

    private MailMessage read(MimeMessage mime, Instant received) throws MessagingException, MalformedMailException {
        List<String> messageIds = messageIds(mime);
        // without an id the message is still archived, as public-inbox does: a derived one
        // (computed below from its content) keys it
        String messageId = messageIds.isEmpty() ? "" : messageIds.get(0);
        if (messageId.isEmpty() && header(mime, "From") == null && header(mime, "Subject") == null
                && header(mime, "Date") == null) {
            throw new MalformedMailException("no header (no Message-ID, From, Subject nor Date)");
        }
        List<Address> fromList = AddressList.parse(header(mime, "From"));
        List<Address> to = AddressList.parse(header(mime, "To"));
        List<Address> cc = AddressList.parse(header(mime, "Cc"));
        Address from = fromList.isEmpty() ? new Address("", "") : fromList.get(0);

        String inReplyToHeader = header(mime, "In-Reply-To");
        List<String> inReplyToIds = MessageIds.bracketed(inReplyToHeader);
        String inReplyTo = inReplyToIds.isEmpty() ? null : inReplyToIds.get(0);
        if (inReplyTo != null && messageIds.contains(inReplyTo)) {
            inReplyTo = inReplyToIds.size() > 1 ? inReplyToIds.get(1) : null;
        }
        List<String> references = MessageIds.references(header(mime, "References"), inReplyToHeader, messageId,
                addresses(fromList, to, cc));
        references = references.stream().filter(id -> !messageIds.contains(id)).toList();

        String subject = HeaderText.decode(header(mime, "Subject"));
        BodyText.Extracted body = BodyText.extract(session, mime);
        MailMessage message = new MailMessage(messageId, subject, from, to, cc, date(mime, received), inReplyTo,
                references, listId(header(mime, "List-Id")), body.text(), messageIds, body.attachmentNames(),
                body.patchText());
        if (messageId.isEmpty()) {
            message = message.withMessageId(ContentHash.derivedId(message));
        }
        return message;
    }

    /** Every id of every Message-ID header, in order, each once. */
    private static List<String> messageIds(MimeMessage mime) throws MessagingException {
        String[] headers = mime.getHeader("Message-ID");
        if (headers == null) {
            return List.of();
        }
        Set<String> ids = new LinkedHashSet<>();
        for (String header : headers) {
            String value = HeaderText.recover8bit(HeaderText.unfold(header));
            List<String> bracketed = MessageIds.bracketed(value);
            if (bracketed.isEmpty()) {
                String bare = MessageIds.messageId(value);
                if (bare != null) {
                    ids.add(bare);
                }
            } else {
                ids.addAll(bracketed);
            }
        }
        return List.copyOf(ids);
    }

    /** The first value of a header, unfolded, or null. Only fields HeaderLines keeps can be read. */
    private static String header(MimeMessage mime, String name) throws MessagingException {
        String value = mime.getHeader(name, null);
        return value == null ? null : HeaderText.unfold(value);
    }

    private static Set<String> addresses(List<Address> from, List<Address> to, List<Address> cc) {
        Set<String> addresses = new HashSet<>();
        for (List<Address> list : List.of(from, to, cc)) {
            for (Address a : list) {
                if (!a.address().isEmpty()) {
                    addresses.add(a.address());
                }
            }
        }
        return addresses;
    }

    private static String listId(String value) {
        if (value == null) {
            return null;
        }
        List<String> ids = MessageIds.bracketed(value);
        String id = ids.isEmpty() ? value.strip() : ids.get(0);
        return id.isEmpty() ? null : id;
    }

    /** Date header; else the archive's time; else the newest Received stamp; else the epoch. */
    private static Instant date(MimeMessage mime, Instant received) throws MessagingException {
        Instant sent = parseDate(header(mime, "Date"));
        if (sent != null) {
            return sent;
        }
        if (received != null) {
            return received;
        }
        String stamp = header(mime, "Received");
        Instant stamped = stamp == null ? null : parseDate(stamp.substring(stamp.lastIndexOf(';') + 1));
        return stamped != null ? stamped : Instant.EPOCH;
    }

    /** RFC 5322 dates, leniently (Jakarta Mail's parser); null when unreadable. */
    private static Instant parseDate(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            // MailDateFormat is not thread-safe; MimeMessage.getSentDate shares one behind a lock
            Date date = DATE_FORMAT.get().parse(value.strip(), new ParsePosition(0));
            if (date != null) {
                return date.toInstant();
            }
            // some old mailers wrote C's asctime(): "Mon Jan  2 08:14:25 2023", in UTC
            return LocalDateTime.parse(value.strip(), ASCTIME).toInstant(ZoneOffset.UTC);
        } catch (RuntimeException e) { // DateTimeParseException, or a parser bug on odd input
            return null;
        }
    }
}
