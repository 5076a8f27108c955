package org.lorebot.index.codec;

import io.airlift.compress.MalformedInputException;
import io.airlift.compress.zstd.ZstdDecompressor;
import java.io.IOException;

/** zstd in Java (aircompressor): what a JVM that has not loaded zstd's C library reads with. */
final class JavaFrameDecompressor implements FrameDecompressor {

    private final ZstdDecompressor decompressor = new ZstdDecompressor();

    @Override
    public int decompress(byte[] src, int length, byte[] dst, int dstOffset, int capacity)
            throws IOException {
        try {
            return decompressor.decompress(src, 0, length, dst, dstOffset, capacity);
        } catch (MalformedInputException e) {
            throw new IOException("not a valid zstd frame: " + e.getMessage(), e);
        }
    }
}
