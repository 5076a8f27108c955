package org.lorebot.index.codec;

import com.github.luben.zstd.util.Native;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which zstd this JVM uses: zstd's C library when it loads, else zstd in Java, a few times
 * slower, same frames. zstd-jni copies its library out of its jar into {@code java.io.tmpdir}
 * before loading it, which a noexec /tmp or a platform it has no build for defeats; that is said
 * once. The library is loaded with the first compressor (when an ingest adds its first
 * document) or on request ({@link #load()}, long-running servers): that costs a process tens of
 * milliseconds, more than a command that only reads a few messages would save, so reading never
 * loads it and uses it only once it is loaded.
 */
final class ZstdLibrary {

    private static final Logger LOG = LoggerFactory.getLogger(ZstdLibrary.class);

    /** Set once the library is loaded; reading it does not load the library. */
    private static volatile boolean loaded;

    private ZstdLibrary() {
    }

    /** A new compressor of this JVM's kind, at {@code level} where it can choose. */
    static FrameCompressor compressor(int level) {
        return Loaded.NATIVE ? new NativeFrameCompressor(level) : new JavaFrameCompressor();
    }

    /** A new decompressor: the library's if this JVM has loaded it, which this never does. */
    static FrameDecompressor decompressor() {
        return loaded ? new NativeFrameDecompressor() : new JavaFrameDecompressor();
    }

    /** Loads the library now if it can be (a failure is logged once); whether it is loaded. */
    static boolean load() {
        return Loaded.NATIVE;
    }

    /** Holds the outcome of the one attempt to load the library. */
    private static final class Loaded {
        static final boolean NATIVE = tryLoading();

        private static boolean tryLoading() {
            try {
                Native.load();
                loaded = true;
                return true;
            } catch (LinkageError | RuntimeException e) {
                LOG.warn("zstd's native library did not load ({}): the index is compressed by"
                        + " zstd in Java instead, slower, same format", e.toString());
                return false;
            }
        }
    }
}
