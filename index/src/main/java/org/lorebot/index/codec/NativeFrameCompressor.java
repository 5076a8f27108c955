package org.lorebot.index.codec;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdException;
import java.io.IOException;

/**
 * zstd's own C library through zstd-jni, once {@link ZstdLibrary} has loaded it. Holds a
 * compression context in native memory until {@link #release()}.
 */
final class NativeFrameCompressor implements FrameCompressor {

    private final ZstdCompressCtx context;

    NativeFrameCompressor(int level) {
        context = new ZstdCompressCtx().setLevel(level);
    }

    @Override
    public int maxCompressedLength(int length) {
        return Math.toIntExact(Zstd.compressBound(length));
    }

    @Override
    public int compress(byte[] src, int srcOffset, int length, byte[] dst) throws IOException {
        try {
            return context.compressByteArray(dst, 0, dst.length, src, srcOffset, length);
        } catch (ZstdException e) {
            throw new IOException("zstd could not compress a block: " + e.getMessage(), e);
        }
    }

    @Override
    public void release() {
        context.close();
    }
}
