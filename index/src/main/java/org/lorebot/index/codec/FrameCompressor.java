package org.lorebot.index.codec;

import java.io.IOException;

/**
 * Compresses byte ranges into standard zstd frames (RFC 8878), which {@link ZstdCompressionMode}
 * reads back with zstd in Java whichever implementation wrote them. Not thread-safe.
 */
interface FrameCompressor {

    /** The largest frame {@code length} bytes can compress to. */
    int maxCompressedLength(int length);

    /** Compresses {@code src[srcOffset, +length)} into one frame at {@code dst[0]}; its size. */
    int compress(byte[] src, int srcOffset, int length, byte[] dst) throws IOException;

    /** Frees what the compressor holds outside the heap. */
    default void release() {
    }
}
