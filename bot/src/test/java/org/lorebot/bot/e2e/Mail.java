package org.lorebot.bot.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.lorebot.bot.series.LabeledCorpus;

/** Real labelled messages, and reading what the bot wrote. */
final class Mail {

    private static final DateTimeFormatter RFC_5322 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private Mail() {
    }

    /** A labelled corpus message, byte for byte (as ISO-8859-1 text, LF line ends). */
    static String labelled(String file) throws IOException {
        return Files.readString(LabeledCorpus.DIR.resolve(file), StandardCharsets.ISO_8859_1).replace("\r\n", "\n");
    }

    /**
     * The message as if posted at {@code at}: its Date header replaced (the original kept as
     * X-Original-Date). A real patch arriving now carries a Date of now; the bot reviews nothing
     * dated before its first run.
     */
    static String postedAt(String message, Instant at) {
        int end = message.indexOf("\n\n");
        StringBuilder head = new StringBuilder();
        for (String line : message.substring(0, end).split("\n")) {
            if (line.regionMatches(true, 0, "Date:", 0, 5)) {
                head.append("Date: ").append(RFC_5322.format(at)).append('\n').append("X-Original-");
            }
            head.append(line).append('\n');
        }
        return head + message.substring(end + 1);
    }

    static MimeMessage parse(byte[] raw) throws MessagingException {
        return new MimeMessage(Session.getInstance(new Properties()), new java.io.ByteArrayInputStream(raw));
    }

    /** The mails in a Maildir's {@code new/}, in file name order. */
    static List<MimeMessage> maildir(Path root) throws IOException, MessagingException {
        List<MimeMessage> out = new ArrayList<>();
        Path dir = root.resolve("new");
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                try (InputStream in = Files.newInputStream(f)) {
                    out.add(new MimeMessage(Session.getInstance(new Properties()), in));
                }
            }
        }
        return out;
    }

    /** The plain-text body with LF line ends. */
    static String body(MimeMessage m) throws IOException, MessagingException {
        return ((String) m.getContent()).replace("\r\n", "\n");
    }
}
