package org.lorebot.index.codec;

import io.airlift.compress.zstd.ZstdCompressor;

/** zstd in Java (aircompressor, its one level: zstd's 3): runs wherever the JVM does. */
final class JavaFrameCompressor implements FrameCompressor {

    private final ZstdCompressor compressor = new ZstdCompressor();

    @Override
    public int maxCompressedLength(int length) {
        return compressor.maxCompressedLength(length);
    }

    @Override
    public int compress(byte[] src, int srcOffset, int length, byte[] dst) {
        return compressor.compress(src, srcOffset, length, dst, 0, dst.length);
    }
}
