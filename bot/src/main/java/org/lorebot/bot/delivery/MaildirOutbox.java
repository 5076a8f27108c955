package org.lorebot.bot.delivery;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The dry-run delivery: each mail becomes a file in a Maildir ({@code tmp/}, {@code new/},
 * {@code cur/}), written into {@code tmp/}, synced, then renamed into {@code new/} so a reader
 * never sees half a message. File names follow the Maildir convention
 * {@code <seconds>.M<micros>P<pid>Q<n>.<host>} and are unique per delivery. Line ends are LF,
 * as mail readers expect of Maildir files.
 */
public final class MaildirOutbox implements MailDelivery {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private static final List<String> SEEN = List.of("new", "cur");

    private final Path root;
    private final Clock clock;
    private final String host;
    private List<FileTime> scannedAt = List.of();
    private Set<String> knownIds = new HashSet<>();

    /** Opens (creating when missing) the Maildir at {@code root}. */
    public MaildirOutbox(Path root, Clock clock) {
        this.root = root;
        this.clock = clock;
        this.host = safeHostName();
        try {
            for (String dir : new String[] {"tmp", "new", "cur"}) {
                Files.createDirectories(root.resolve(dir));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create outbox Maildir " + root + ": " + e.getMessage(), e);
        }
    }

    public Path root() {
        return root;
    }

    @Override
    public void deliver(RenderedMail mail) throws DeliveryException {
        write(mail);
    }

    /** Writes the mail and returns the file it now lives in, under {@code new/}. */
    public Path write(RenderedMail mail) throws DeliveryException {
        String name = uniqueName();
        Path tmp = root.resolve("tmp").resolve(name);
        Path target = root.resolve("new").resolve(name);
        byte[] lf = new String(mail.bytes(), StandardCharsets.ISO_8859_1).replace("\r\n", "\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(lf);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            remember(mail.messageId());
            return target;
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the original failure is what matters
            }
            // A full disk or a lost mount may heal; let the outbox retry.
            throw new DeliveryException("cannot write " + mail.messageId() + " into " + root + ": " + e, true, e);
        }
    }

    /**
     * Whether a mail with this Message-ID already sits in {@code new/} or {@code cur/}: the
     * record that a mail left, asked before every delivery.
     */
    public boolean contains(String messageId) {
        return delivered(messageId);
    }

    @Override
    public synchronized boolean delivered(String messageId) {
        return messageIds().contains("<" + messageId.toLowerCase(Locale.ROOT) + ">");
    }

    // A write in the same tick of the directory's clock as the last scan leaves its time alone.
    private synchronized void remember(String messageId) {
        knownIds.add("<" + messageId.toLowerCase(Locale.ROOT) + ">");
    }

    // Asked before every delivery, so the Message-IDs are read once and read again only when a
    // file came or went (the directories' modification times change).
    private Set<String> messageIds() {
        try {
            List<FileTime> stamps = new ArrayList<>();
            for (String dir : SEEN) {
                stamps.add(Files.getLastModifiedTime(root.resolve(dir)));
            }
            if (!stamps.equals(scannedAt)) {
                Set<String> ids = new HashSet<>();
                for (String dir : SEEN) {
                    try (Stream<Path> files = Files.list(root.resolve(dir))) {
                        for (Path f : (Iterable<Path>) files::iterator) {
                            ids.add(headerMessageId(f).toLowerCase(Locale.ROOT));
                        }
                    }
                }
                knownIds = ids;
                scannedAt = stamps;
            }
            return knownIds;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list outbox " + root + ": " + e.getMessage(), e);
        }
    }

    private static String headerMessageId(Path file) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            String field = null;
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                boolean continued = line.startsWith(" ") || line.startsWith("\t");
                if (field != null && continued) {
                    field += line.strip(); // a folded Message-ID
                    continue;
                }
                if (field != null) {
                    break;
                }
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).equalsIgnoreCase("Message-ID")) {
                    field = line.substring(colon + 1).strip();
                }
            }
            return field == null ? "" : field;
        }
    }

    private String uniqueName() {
        Instant now = clock.instant();
        long micros = now.getNano() / 1000;
        return now.getEpochSecond() + ".M" + micros + "P" + ProcessHandle.current().pid()
                + "Q" + SEQUENCE.incrementAndGet() + "." + host;
    }

    // Maildir forbids '/' and ':' in the host part; they are written as octal escapes.
    private static String safeHostName() {
        String h;
        try {
            h = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            h = "localhost";
        }
        return h.replace("/", "\\057").replace(":", "\\072");
    }
}
