package org.lorebot.index.codec;

import java.io.IOException;

/** Decompresses one zstd frame, whichever implementation wrote it. Not thread-safe. */
interface FrameDecompressor {

    /**
     * Decompresses the frame {@code src[0, length)} into {@code dst[dstOffset]}, which has room
     * for {@code capacity} bytes; the number of bytes it held.
     *
     * @throws IOException when the frame is not valid zstd
     */
    int decompress(byte[] src, int length, byte[] dst, int dstOffset, int capacity)
            throws IOException;
}
