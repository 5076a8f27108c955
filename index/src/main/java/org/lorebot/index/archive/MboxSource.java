package org.lorebot.index.archive;

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

    /** Messages between two updates of the estimate (each asks the file its position). */
    private static final int ESTIMATE_EVERY = 64;

    private final Path file;
    private final MboxFormat format;
    private final String epoch;
    /** What {@link #estimateWhileReading()} answers; written by the reading thread. */
    private volatile long expected = -1;

    public MboxSource(Path file, MboxFormat format) {
        this.file = file;
        this.format = format;
        this.epoch = file.getFileName().toString();
    }

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

    /** Whether the file starts with the gzip magic number. */
    public static boolean isGzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    @Override
    public String describe() {
        return format.name().toLowerCase(Locale.ROOT) + " " + file;
    }

    /**
     * Not known before reading: counting would cost a pass over the file as long as the read's
     * own, before the read starts. {@link #estimateWhileReading()} tells as the read goes.
     */
    @Override
    public long estimate(Map<String, String> cursor) {
        return -1;
    }

    /**
     * The messages read so far, scaled by the share of the file they came from (of the
     * compressed file for gzip); exact once the read has ended.
     */
    @Override
    public long estimateWhileReading() {
        return expected;
    }

    @Override
    public void read(Map<String, String> cursor, ArchiveVisitor visitor) throws IOException {
        long start = start(cursor.get(epoch), visitor);
        expected = -1;
        try (Opened opened = open(start)) {
            MboxSplitter splitter = new MboxSplitter(opened.in(), format, start);
            long fileStart = opened.compressed() ? opened.file().position() : start;
            long toRead = opened.file().size() - fileStart;
            MboxSplitter.Message message;
            long delivered = 0;
            while ((message = splitter.next()) != null) {
                if (delivered == 0 && splitter.skippedBeforeFirst() > 0) {
                    visitor.problem(new ArchiveProblem(epoch, Long.toString(start), splitter.skippedBeforeFirst()
                            + " bytes before the first \"From \" line are not part of any message"));
                }
                visitor.entry(new ArchiveEntry(epoch, Long.toString(message.end()), null, ArchiveEntry.Kind.ADD,
                        SeparatorTime.of(message.separator()), message.raw()));
                if (++delivered % ESTIMATE_EVERY == 0) {
                    long readSoFar = (opened.compressed() ? opened.file().position() : message.end()) - fileStart;
                    expected = Math.max(delivered, Math.round((double) delivered * toRead / Math.max(1, readSoFar)));
                }
            }
            if (delivered == 0 && splitter.skippedBeforeFirst() > 0) {
                visitor.problem(new ArchiveProblem(epoch, Long.toString(start),
                        "no \"From \" line: not an mbox, or not from this offset"));
            }
            expected = delivered;
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
        try (Opened opened = open(offset)) {
            byte[] head = opened.in().readNBytes(5);
            return head.length == 0 || new String(head, StandardCharsets.ISO_8859_1).equals("From ");
        } catch (IOException e) {
            return false;
        }
    }

    /** The uncompressed stream from {@code offset}; throws when the file is shorter. */
    private Opened open(long offset) throws IOException {
        SeekableByteChannel channel = Files.newByteChannel(file);
        try {
            if (isGzip(file)) {
                // No buffer under the inflater's own, so that the file's position says how far
                // the read has come, give or take that one buffer.
                InputStream in = new GZIPInputStream(Channels.newInputStream(channel), 64 * 1024);
                try {
                    in.skipNBytes(offset);
                } catch (EOFException e) {
                    throw new IOException("offset " + offset + " is beyond the end of " + file, e);
                }
                return new Opened(in, channel, true);
            }
            if (offset > channel.size()) {
                throw new IOException("offset " + offset + " is beyond the end of " + file);
            }
            channel.position(offset);
            return new Opened(Channels.newInputStream(channel), channel, false);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** An mbox opened for reading: its uncompressed stream, and the file under it. */
    private record Opened(InputStream in, SeekableByteChannel file, boolean compressed)
            implements AutoCloseable {
        @Override
        public void close() throws IOException {
            in.close();
        }
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
