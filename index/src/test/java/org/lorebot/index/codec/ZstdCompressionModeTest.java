package org.lorebot.index.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.lucene.codecs.compressing.Compressor;
import org.apache.lucene.codecs.compressing.Decompressor;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lorebot.index.fixture.PublicInboxFixtures;

/**
 * A chunk of real messages (the 200 of the v2 fixture's mbox, one after another as Lucene
 * buffers documents) compressed by zstd's C library and by zstd in Java: every message reads
 * back, byte for byte, with either.
 */
class ZstdCompressionModeTest {

    /** Written by one implementation, read by the same or the other. */
    static Stream<Arguments> implementations() {
        IntFunction<FrameCompressor> c = NativeFrameCompressor::new;
        IntFunction<FrameCompressor> java = level -> new JavaFrameCompressor();
        Supplier<FrameDecompressor> readC = NativeFrameDecompressor::new;
        Supplier<FrameDecompressor> readJava = JavaFrameDecompressor::new;
        return Stream.of(Arguments.of("C library -> C library", c, readC),
                Arguments.of("C library -> Java", c, readJava),
                Arguments.of("Java -> C library", java, readC),
                Arguments.of("Java -> Java", java, readJava));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void everyMessageOfAChunkReadsBack(String name, IntFunction<FrameCompressor> compressors,
            Supplier<FrameDecompressor> decompressors) throws IOException {
        byte[] mbox = Files.readAllBytes(PublicInboxFixtures.sourceMbox(PublicInboxFixtures.v2()));
        List<int[]> messages = messages(mbox);
        assertEquals(PublicInboxFixtures.MESSAGES, messages.size());
        // the codec's blocks (the mbox is several of them), and blocks far smaller than a
        // message, so that most messages lie across two or more
        for (int blockLength : new int[] {LorebotCodec.BLOCK_LENGTH, 4096}) {
            ZstdCompressionMode mode = new ZstdCompressionMode(LorebotCodec.LEVEL, blockLength,
                    compressors, decompressors);
            byte[] chunk = compress(mode, mbox);
            assertTrue(chunk.length < mbox.length / 2,
                    name + " compressed " + mbox.length + " bytes of mail to " + chunk.length);
            Decompressor decompressor = mode.newDecompressor();
            for (int[] message : messages) {
                assertArrayEquals(Arrays.copyOfRange(mbox, message[0], message[0] + message[1]),
                        read(decompressor, chunk, mbox.length, message[0], message[1]),
                        "message at " + message[0] + ", blocks of " + blockLength);
            }
            assertArrayEquals(mbox, read(decompressor.clone(), chunk, mbox.length, 0, mbox.length));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void aChunkOfWholeBlocksAndAnEmptyOne(String name, IntFunction<FrameCompressor> compressors,
            Supplier<FrameDecompressor> decompressors) throws IOException {
        ZstdCompressionMode mode = new ZstdCompressionMode(LorebotCodec.LEVEL, 1024, compressors,
                decompressors);
        byte[] whole = new byte[3 * 1024];
        for (int i = 0; i < whole.length; i++) {
            whole[i] = (byte) ("lorem ipsum ".charAt(i % 12) + i / 1024);
        }
        byte[] chunk = compress(mode, whole);
        assertArrayEquals(Arrays.copyOfRange(whole, 2048, 3072),
                read(mode.newDecompressor(), chunk, whole.length, 2048, 1024));
        assertArrayEquals(Arrays.copyOfRange(whole, 1000, 2100),
                read(mode.newDecompressor(), chunk, whole.length, 1000, 1100));

        byte[] empty = compress(mode, new byte[0]);
        assertEquals(0, read(mode.newDecompressor(), empty, 0, 0, 0).length);
    }

    private static byte[] compress(ZstdCompressionMode mode, byte[] data) throws IOException {
        ByteBuffersDataOutput out = new ByteBuffersDataOutput();
        try (Compressor compressor = mode.newCompressor()) {
            compressor.compress(new ByteBuffersDataInput(List.of(ByteBuffer.wrap(data))), out);
        }
        return out.toArrayCopy();
    }

    private static byte[] read(Decompressor decompressor, byte[] chunk, int originalLength,
            int offset, int length) throws IOException {
        BytesRef bytes = new BytesRef();
        decompressor.decompress(new ByteArrayDataInput(chunk), originalLength, offset, length,
                bytes);
        return Arrays.copyOfRange(bytes.bytes, bytes.offset, bytes.offset + bytes.length);
    }

    /** Offset and length of each message of an mbox (its "From " line included). */
    private static List<int[]> messages(byte[] mbox) {
        List<int[]> messages = new ArrayList<>();
        int start = 0;
        for (int i = 1; i + 5 <= mbox.length; i++) {
            if (mbox[i - 1] == '\n'
                    && new String(mbox, i, 5, StandardCharsets.US_ASCII).equals("From ")) {
                messages.add(new int[] {start, i - start});
                start = i;
            }
        }
        messages.add(new int[] {start, mbox.length - start});
        return messages;
    }
}
