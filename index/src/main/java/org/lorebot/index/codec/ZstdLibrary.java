package org.lorebot.index.codec;

import com.github.luben.zstd.util.Native;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which zstd compresses in this JVM: zstd's C library when it loads, else zstd in Java, a few
 * times slower, same frames. zstd-jni copies its library out of its jar into
 * {@code java.io.tmpdir} before loading it, which a noexec /tmp or a platform it has no build for
 * defeats; that is said once. The library is loaded with the first compressor (when an ingest
 * adds its first document): that costs a process tens of milliseconds, which commands that only
 * read do not pay, since reading is zstd in Java.
 */
final class ZstdLibrary {

    private static final Logger LOG = LoggerFactory.getLogger(ZstdLibrary.class);

    private ZstdLibrary() {
    }

    /** A new compressor of this JVM's kind, at {@code level} where it can choose. */
    static FrameCompressor compressor(int level) {
        return Loaded.NATIVE ? new NativeFrameCompressor(level) : new JavaFrameCompressor();
    }

    /** Holds the outcome of the one attempt to load the library. */
    private static final class Loaded {
        static final boolean NATIVE = load();

        private static boolean load() {
            try {
                Native.load();
                return true;
            } catch (LinkageError | RuntimeException e) {
                LOG.warn("zstd's native library did not load ({}): the index is compressed by"
                        + " zstd in Java instead, slower, same format", e.toString());
                return false;
            }
        }
    }
}
