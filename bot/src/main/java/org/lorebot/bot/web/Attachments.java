package org.lorebot.bot.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * The MIME parts of a message numbered as public-inbox numbers them (depth first, {@code 2},
 * {@code 2.1}...), so that lore's attachment URLs ({@code /LIST/MSGID/2-config.gz}) work here.
 * Every leaf part after the first is an attachment; the first is the body already shown.
 * Nothing here is ever rendered: parts are listed by name and sent as downloads.
 */
final class Attachments {

    /** One part: its number, file name (or {@code a.bin}), type and decoded size. */
    record Attachment(String number, String fileName, String type, int size) {

        /** The part's URL below the message's own, e.g. {@code 2-config.gz}. */
        String path() {
            return number + "-" + PercentCoding.encode(fileName);
        }
    }

    private static final Session SESSION = Session.getInstance(new Properties());
    private static final int MAX_DEPTH = 24;
    private static final int MAX_PARTS = 1_000;
    private static final Pattern UNSAFE_NAME = Pattern.compile("[^A-Za-z0-9._+-]+");

    private Attachments() {
    }

    /** The attachments of {@code raw}, in order; none when it is not multipart or will not parse. */
    static List<Attachment> list(byte[] raw) {
        List<Attachment> found = new ArrayList<>();
        walk(raw, (number, part) -> {
            found.add(new Attachment(number, fileName(part), type(part), decoded(part).length));
            return false;
        });
        return found.isEmpty() ? found : found.subList(1, found.size());
    }

    /** The decoded bytes of part {@code number}, with its description. */
    static Optional<Download> part(byte[] raw, String number) {
        List<Download> hit = new ArrayList<>();
        walk(raw, (n, part) -> {
            if (n.equals(number)) {
                byte[] bytes = decoded(part);
                hit.add(new Download(new Attachment(n, fileName(part), type(part), bytes.length), bytes));
                return true;
            }
            return false;
        });
        return hit.stream().findFirst();
    }

    /** A part to send. */
    record Download(Attachment attachment, byte[] bytes) {
    }

    private interface Visitor {
        /** Returns true to stop. */
        boolean leaf(String number, Part part);
    }

    private static void walk(byte[] raw, Visitor visitor) {
        try {
            MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
            Object content = message.isMimeType("multipart/*") ? message.getContent() : null;
            if (content instanceof Multipart multipart) {
                walk(multipart, "", 0, visitor, new int[] {0});
            } else {
                visitor.leaf("1", message);
            }
        } catch (MessagingException | IOException | RuntimeException unreadable) {
            // a broken message shows its text only; it has no parts to offer
        }
    }

    private static boolean walk(Multipart multipart, String prefix, int depth, Visitor visitor, int[] seen)
            throws MessagingException, IOException {
        if (depth > MAX_DEPTH) {
            return true;
        }
        for (int i = 0; i < multipart.getCount(); i++) {
            if (++seen[0] > MAX_PARTS) {
                return true;
            }
            BodyPart part = multipart.getBodyPart(i);
            String number = prefix + (i + 1);
            Object content = part.isMimeType("multipart/*") ? part.getContent() : null;
            boolean stop = content instanceof Multipart inner
                    ? walk(inner, number + ".", depth + 1, visitor, seen)
                    : visitor.leaf(number, part);
            if (stop) {
                return true;
            }
        }
        return false;
    }

    private static String fileName(Part part) {
        String name;
        try {
            name = part.getFileName();
        } catch (MessagingException | RuntimeException e) {
            name = null;
        }
        if (name == null) {
            return "a.bin";
        }
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        String safe = UNSAFE_NAME.matcher(name.substring(slash + 1)).replaceAll("_");
        return safe.isEmpty() || safe.equals(".") || safe.equals("..") ? "a.bin" : safe;
    }

    private static String type(Part part) {
        try {
            String type = part.getContentType();
            int semicolon = type == null ? -1 : type.indexOf(';');
            String bare = type == null ? "text/plain" : semicolon < 0 ? type : type.substring(0, semicolon);
            return bare.strip().toLowerCase(Locale.ROOT);
        } catch (MessagingException | RuntimeException e) {
            return "application/octet-stream";
        }
    }

    private static byte[] decoded(Part part) {
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        } catch (MessagingException | IOException | RuntimeException e) {
            return new byte[0];
        }
    }
}
