package org.lorebot.index.codec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.codecs.compressing.CompressionMode;
import org.apache.lucene.codecs.compressing.Compressor;
import org.apache.lucene.codecs.compressing.Decompressor;
import org.apache.lucene.codecs.lucene90.Lucene90StoredFieldsFormat;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;

/**
 * What a stored-fields compression costs on real mail: the messages of an mbox, dealt at random
 * into two segments (as lorebot's two indexing threads do), buffered into chunks as Lucene
 * buffers documents, each chunk compressed; then 3,000 random messages read back one by one (by zstd in Java, as commands read).
 * Prints compressed/raw, compression speed and the CPU of one read. Not a test: run it by hand
 * (docs/BENCHMARKS.md), with the launcher's {@code -XX:TieredStopAtLevel=1}.
 *
 * <pre>
 * java -XX:TieredStopAtLevel=1 -cp ... org.lorebot.index.codec.StoredFieldsBenchmark all.mbox \
 *     deflate native:3:128:512 java:3:128:512
 * </pre>
 *
 * A mode is {@code deflate} (Lucene's BEST_COMPRESSION, as lorebot stored before) or
 * {@code native|java:LEVEL:BLOCK_KB:CHUNK_KB}. Each runs three times; the last is printed.
 */
public final class StoredFieldsBenchmark {

    private static final int READS = 3000;

    private StoredFieldsBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        byte[] mbox = Files.readAllBytes(Path.of(args[0]));
        List<int[]> messages = twoSegments(messages(mbox));
        for (int round = 0; round < 3; round++) {
            for (int i = 1; i < args.length; i++) {
                String result = run(args[i], mbox, messages);
                if (round == 2) {
                    System.out.println(result);
                }
            }
        }
    }

    private static String run(String spec, byte[] mbox, List<int[]> messages)
            throws IOException {
        String[] p = spec.split(":");
        CompressionMode mode = Lucene90StoredFieldsFormat.BEST_COMPRESSION_MODE;
        int chunkSize = 10 * 48 * 1024;
        if (!p[0].equals("deflate")) {
            int level = Integer.parseInt(p[1]);
            chunkSize = Integer.parseInt(p[3]) * 1024;
            mode = new ZstdCompressionMode(level, Integer.parseInt(p[2]) * 1024,
                    p[0].equals("native") ? NativeFrameCompressor::new
                            : l -> new JavaFrameCompressor(),
                    JavaFrameDecompressor::new);
        }
        List<byte[]> chunks = new ArrayList<>();
        List<Integer> chunkLengths = new ArrayList<>();
        List<int[]> where = new ArrayList<>(); // chunk, offset, length of each message
        long compressed = 0;
        long nanos = 0;
        try (Compressor compressor = mode.newCompressor()) {
            for (int next = 0; next < messages.size(); ) {
                ByteBuffersDataOutput chunk = new ByteBuffersDataOutput();
                for (int docs = 0; next < messages.size() && chunk.size() < chunkSize
                        && docs < 4096; docs++) {
                    int[] message = messages.get(next++);
                    where.add(new int[] {chunks.size(), (int) chunk.size(), message[1]});
                    chunk.writeBytes(mbox, message[0], message[1]);
                }
                ByteBuffersDataOutput out = new ByteBuffersDataOutput();
                long start = System.nanoTime();
                compressor.compress(chunk.toDataInput(), out);
                nanos += System.nanoTime() - start;
                compressed += out.size();
                chunks.add(out.toArrayCopy());
                chunkLengths.add((int) chunk.size());
            }
        }
        Decompressor decompressor = mode.newDecompressor();
        Random random = new Random(1);
        BytesRef bytes = new BytesRef();
        long readNanos = 0;
        for (int i = 0; i < READS; i++) {
            int[] at = where.get(random.nextInt(where.size()));
            long start = System.nanoTime();
            decompressor.decompress(new ByteArrayDataInput(chunks.get(at[0])),
                    chunkLengths.get(at[0]), at[1], at[2], bytes);
            readNanos += System.nanoTime() - start;
        }
        return String.format(
                "%-18s compressed/raw %.3f, compress %.0f MB/s (%.2f s), one read %.0f us", spec, (double) compressed / mbox.length, mbox.length / (nanos / 1e3), nanos / 1e9,
                readNanos / 1e3 / READS);
    }

    private static List<int[]> twoSegments(List<int[]> messages) {
        Random random = new Random(7);
        List<int[]> first = new ArrayList<>();
        List<int[]> second = new ArrayList<>();
        for (int[] message : messages) {
            (random.nextBoolean() ? first : second).add(message);
        }
        first.addAll(second);
        return first;
    }

    /** Offset and length of each message of an mbox. */
    private static List<int[]> messages(byte[] mbox) {
        List<int[]> messages = new ArrayList<>();
        int start = 0;
        for (int i = 1; i + 5 <= mbox.length; i++) {
            if (mbox[i - 1] == '\n' && mbox[i] == 'F' && mbox[i + 1] == 'r' && mbox[i + 2] == 'o'
                    && mbox[i + 3] == 'm' && mbox[i + 4] == ' ') {
                messages.add(new int[] {start, i - start});
                start = i;
            }
        }
        messages.add(new int[] {start, mbox.length - start});
        return messages;
    }
}
