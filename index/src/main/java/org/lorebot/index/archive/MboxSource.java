package org.lorebot.index.archive;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * An mbox file (mboxrd or mboxo), plain or gzip-compressed. One epoch, named after the file;
 * the position of an entry is the byte offset (in the uncompressed stream) just after its
 * message. A plain file is resumed by seeking, a compressed one by decompressing past the
 * offset. Messages are delivered as additions only: an mbox has no removals.
 */
public final class MboxSource implements ArchiveSource {

    private final Path file;
    private final MboxFormat format;
    private final String epoch;

    public MboxSource(Path file, MboxFormat format) {
        this.file = file;
        this.format = format;
        this.epoch = file.getFileName().toString();
    }

    /** Whether the file starts with the gzip magic number. */
    /**
     * Whether a stream starts as an mbox does: with a {@code From } line, after any blank lines
     * (git mailsplit and public-inbox skip those); an empty stream is an empty mbox.
     */
    static boolean startsLikeMbox(InputStream in) throws IOException {
        int b;
        do {
            b = in.read();
        } while (b == ' ' || b == '\t' || b == '\r' || b == '\n');
        if (b < 0) {
            return true;
        }
        byte[] rest = in.readNBytes(4);
        return b == 'F' && new String(rest, StandardCharsets.ISO_8859_1).equals("rom ");
    }

    public static boolean isGzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    @Override
    public String describe() {
        return format.name().toLowerCase(Locale.ROOT) + " " + file;
    }

    /** Exact: counts the messages after the cursor (one pass over the rest of the file). */
    @Override
    public long estimate(Map<String, String> cursor) throws IOException {
        // Counted, not split: copying every message only to drop it made this pass, which runs
        // before any parsing starts, cost twice as much (docs/BENCHMARKS.md).
        try (InputStream in = open(start(cursor.get(epoch), null))) {
            return new MboxSplitter(in, format, 0).countRemaining();
        }
    }

    @Override
    public void read(Map<String, String> cursor, ArchiveVisitor visitor) throws IOException {
        long start = start(cursor.get(epoch), visitor);
        try (InputStream in = open(start)) {
            MboxSplitter splitter = new MboxSplitter(in, format, start);
            MboxSplitter.Message message;
            boolean first = true;
            while ((message = splitter.next()) != null) {
                if (first && splitter.skippedBeforeFirst() > 0) {
                    visitor.problem(new ArchiveProblem(epoch, Long.toString(start), splitter.skippedBeforeFirst()
                            + " bytes before the first \"From \" line are not part of any message"));
                }
                first = false;
                visitor.entry(new ArchiveEntry(epoch, Long.toString(message.end()), null, ArchiveEntry.Kind.ADD,
                        SeparatorTime.of(message.separator()), message.raw()));
            }
            if (first && splitter.skippedBeforeFirst() > 0) {
                visitor.problem(new ArchiveProblem(epoch, Long.toString(start),
                        "no \"From \" line: not an mbox, or not from this offset"));
            }
        }
    }

    /** The offset to start from; a cursor that cannot be honoured is reported and ignored. */
    private long start(String cursor, ArchiveVisitor visitor) throws IOException {
        if (cursor == null || cursor.isEmpty()) {
            return 0;
        }
        long offset;
        try {
            offset = Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            offset = -1;
        }
        if (offset < 0 || !startsWithSeparatorAt(offset)) {
            if (visitor != null) {
                visitor.problem(new ArchiveProblem(epoch, cursor,
                        "cursor is not the offset of a \"From \" line or the end (file replaced?); reading from the start"));
            }
            return 0;
        }
        return offset;
    }

    private boolean startsWithSeparatorAt(long offset) throws IOException {
        try (InputStream in = open(offset)) {
            byte[] head = in.readNBytes(5);
            return head.length == 0 || new String(head, StandardCharsets.ISO_8859_1).equals("From ");
        } catch (IOException e) {
            return false;
        }
    }

    /** The uncompressed stream from {@code offset}; throws when the file is shorter. */
    private InputStream open(long offset) throws IOException {
        if (isGzip(file)) {
            InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(file), 256 * 1024),
                    64 * 1024);
            try {
                in.skipNBytes(offset);
            } catch (EOFException e) {
                in.close();
                throw new IOException("offset " + offset + " is beyond the end of " + file, e);
            }
            return in;
        }
        SeekableByteChannel channel = Files.newByteChannel(file);
        if (offset > channel.size()) {
            channel.close();
            throw new IOException("offset " + offset + " is beyond the end of " + file);
        }
        channel.position(offset);
        return Channels.newInputStream(channel);
    }

    @Override
    public void close() {
        // files are opened per read
    }

    @Override
    public String toString() {
        return describe();
    }
}
