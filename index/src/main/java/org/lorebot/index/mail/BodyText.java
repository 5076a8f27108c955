package org.lorebot.index.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.activation.DataSource;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;

/**
 * Collects the readable text of a message, in order: text parts (text/plain, patches attached as
 * text/x-patch or text/x-diff, other text attachments), attachments named *.patch or *.diff
 * whatever their type, HTML turned into text when a multipart/alternative offers nothing plainer,
 * and the text of attached messages. Binary parts and signatures are skipped. A part that cannot
 * be parsed is read as plain text instead, so a broken message still yields its words.
 */
final class BodyText {

    /** The text, and the file names of the attachments met on the way ({@code n:}). */
    /** @param patchText the text with format=flowed parts un-flowed, or null when there were none */
    record Extracted(String text, List<String> attachmentNames, String patchText) {
    }

    /** Larger parts of no text type are not read as text (patches and logs are far smaller). */
    private static final int MAX_UNTYPED_TEXT = 4 * 1024 * 1024;
    /** Nesting beyond this is hostile, not mail. */
    private static final int MAX_DEPTH = 24;
    private static final Pattern PATCH_NAME = Pattern.compile(
            "(?i)name\\*?=\\s*\"?[^\";]*\\.(patch|diff)\\s*\"?\\s*(;|$)");

    private final Session session;
    private final StringBuilder out = new StringBuilder();
    /** The text as git am reads it, kept apart only once a format=flowed part turns up. */
    private StringBuilder unflowed;
    private final List<String> attachmentNames = new ArrayList<>();

    private BodyText(Session session) {
        this.session = session;
    }

    static Extracted extract(Session session, MimeMessage message) {
        BodyText body = new BodyText(session);
        body.part(message, 0);
        return new Extracted(normalizeLineEnds(body.out), List.copyOf(body.attachmentNames),
                body.unflowed == null ? null : normalizeLineEnds(body.unflowed));
    }

    private void part(MimePart part, int depth) {
        MimeType type;
        try {
            type = MimeType.parse(part.getHeader("Content-Type", null));
        } catch (MessagingException e) {
            type = MimeType.TEXT_PLAIN;
        }
        if (depth > MAX_DEPTH) {
            return;
        }
        if (!type.isMultipart()) {
            attachmentName(part, type);
        }
        if (type.isMultipart()) {
            multipart(part, type, depth);
        } else if (type.is("message/rfc822") || type.is("message/global")) {
            attachedMessage(part, depth);
        } else if (type.is("text/html")) {
            append(HtmlText.toText(text(part, type)));
        } else if (type.isFlowed()) {
            flowed(text(part, type), type.deletesSpace());
        } else if (type.isText() || isPatch(part, type)) {
            append(text(part, type));
        } else if (type.is("application/octet-stream")) {
            // patches attached without a type, logs: text when every byte is printable, as
            // public-inbox decides it
            printableText(part, type);
        }
    }

    private void printableText(MimePart part, MimeType type) {
        try {
            if (part.getSize() > MAX_UNTYPED_TEXT) {
                return; // firmware, core dumps: not worth decoding to find they are binary
            }
            byte[] bytes = decoded(part);
            if (PrintableText.isPrintable(bytes)) {
                append(CharsetFallback.decode(bytes, type.charset()));
            }
        } catch (MessagingException | IOException e) {
            // unreadable content has no words
        }
    }

    private void attachmentName(MimePart part, MimeType type) {
        String name = null;
        try {
            String disposition = part.getHeader("Content-Disposition", null);
            if (disposition != null) {
                name = new ContentDisposition(HeaderText.unfold(disposition)).getParameter("filename");
            }
        } catch (MessagingException | RuntimeException e) {
            name = null; // a broken disposition: fall back to the type's name
        }
        if (name == null || name.isBlank()) {
            name = type.name();
        }
        if (name != null && !name.isBlank()) {
            attachmentNames.add(HeaderText.decode(name));
        }
    }

    private void multipart(MimePart part, MimeType type, int depth) {
        MimeMultipart multipart;
        int count;
        try {
            multipart = new ArchivedMultipart(new RawSource(part));
            count = multipart.getCount();
        } catch (MessagingException | RuntimeException e) {
            count = 0;
            multipart = null;
        }
        if (count == 0) { // no usable boundary: the words are still in there
            append(text(part, MimeType.TEXT_PLAIN));
            return;
        }
        try {
            if (type.is("multipart/alternative")) {
                part((MimePart) preferred(multipart, count), depth + 1);
                return;
            }
            for (int i = 0; i < count; i++) {
                part((MimePart) multipart.getBodyPart(i), depth + 1);
            }
        } catch (MessagingException e) {
            // parts before the damage were kept; nothing more to read
        }
    }

    /** text/plain, else a nested multipart (e.g. related HTML), else HTML, else the last part. */
    private static BodyPart preferred(MimeMultipart alternative, int count) throws MessagingException {
        BodyPart nested = null;
        BodyPart html = null;
        for (int i = 0; i < count; i++) {
            BodyPart candidate = alternative.getBodyPart(i);
            MimeType type = MimeType.parse(((MimePart) candidate).getHeader("Content-Type", null));
            if (type.is("text/plain")) {
                return candidate;
            }
            if (type.isMultipart() && nested == null) {
                nested = candidate;
            } else if (type.is("text/html") && html == null) {
                html = candidate;
            }
        }
        if (nested != null) {
            return nested;
        }
        return html != null ? html : alternative.getBodyPart(count - 1);
    }

    private void attachedMessage(MimePart part, int depth) {
        try {
            byte[] bytes = decoded(part);
            part(new ArchivedMessage(session, bytes), depth + 1);
        } catch (MessagingException | IOException e) {
            append(text(part, MimeType.TEXT_PLAIN));
        }
    }

    private static boolean isPatch(MimePart part, MimeType type) {
        if (type.is("application/x-patch") || type.is("application/x-diff")) {
            return true;
        }
        if (!type.type().startsWith("application/")) {
            return false;
        }
        try {
            String disposition = part.getHeader("Content-Disposition", null);
            String contentType = part.getHeader("Content-Type", null);
            return (disposition != null && PATCH_NAME.matcher(HeaderText.unfold(disposition)).find())
                    || (contentType != null && PATCH_NAME.matcher(HeaderText.unfold(contentType)).find());
        } catch (MessagingException e) {
            return false;
        }
    }

    /** The part's content as text; unreadable content gives empty text. */
    private static String text(MimePart part, MimeType type) {
        try {
            return CharsetFallback.decode(decoded(part), type.charset());
        } catch (MessagingException | IOException e) {
            return "";
        }
    }

    private static byte[] decoded(MimePart part) throws MessagingException, IOException {
        byte[] raw;
        try (InputStream in = rawStream(part)) {
            raw = in instanceof SharedBytes shared ? shared.remaining() : in.readAllBytes();
        }
        return TransferEncoding.decode(raw, part.getHeader("Content-Transfer-Encoding", null));
    }

    private static InputStream rawStream(MimePart part) throws MessagingException {
        if (part instanceof MimeMessage message) {
            return message.getRawInputStream();
        }
        return ((MimeBodyPart) part).getRawInputStream();
    }

    private void append(String text) {
        append(out, text);
        if (unflowed != null) {
            append(unflowed, text);
        }
    }

    /** Search and pages keep the lines as sent; the patch is read un-flowed, as git am reads it. */
    private void flowed(String text, boolean delsp) {
        if (unflowed == null) {
            unflowed = new StringBuilder(out);
        }
        append(out, text);
        append(unflowed, FlowedText.unflow(text, delsp));
    }

    private static void append(StringBuilder to, String text) {
        if (text.isEmpty()) {
            return;
        }
        to.append(text);
        if (to.charAt(to.length() - 1) != '\n') {
            to.append('\n'); // a part ends its line, so the next part starts on a fresh one
        }
    }

    private static String normalizeLineEnds(StringBuilder text) {
        if (text.indexOf("\r") < 0) {
            return text.toString();
        }
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                continue;
            }
            b.append(c);
        }
        return b.toString();
    }

    /**
     * A multipart's undecoded content for Jakarta Mail's multipart parser. A shared stream lets
     * the body parts point into the message's bytes instead of copying them.
     */
    private static final class RawSource implements DataSource {
        private final MimePart part;

        RawSource(MimePart part) {
            this.part = part;
        }

        @Override
        public InputStream getInputStream() throws IOException {
            try {
                String encoding = part.getHeader("Content-Transfer-Encoding", null);
                if (encoding != null && isEncoded(encoding)) {
                    return new SharedBytes(decoded(part)); // base64 multiparts exist
                }
                return rawStream(part);
            } catch (MessagingException e) {
                throw new IOException(e);
            }
        }

        private static boolean isEncoded(String encoding) {
            String e = encoding.trim();
            return e.equalsIgnoreCase("base64") || e.equalsIgnoreCase("quoted-printable");
        }

        @Override
        public OutputStream getOutputStream() {
            throw new UnsupportedOperationException("read only");
        }

        @Override
        public String getContentType() {
            try {
                String type = part.getHeader("Content-Type", null);
                return type == null ? "multipart/mixed" : HeaderText.unfold(type);
            } catch (MessagingException e) {
                return "multipart/mixed";
            }
        }

        @Override
        public String getName() {
            return "body";
        }
    }
}
