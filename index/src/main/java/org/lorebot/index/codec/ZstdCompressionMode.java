package org.lorebot.index.codec;

import java.io.IOException;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.apache.lucene.codecs.compressing.CompressionMode;
import org.apache.lucene.codecs.compressing.Compressor;
import org.apache.lucene.codecs.compressing.Decompressor;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.store.ByteBuffersDataInput;
import org.apache.lucene.store.DataInput;
import org.apache.lucene.store.DataOutput;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.BytesRef;

/**
 * Stored fields compressed with zstd. A chunk of documents is cut into blocks of
 * {@code blockLength} bytes, each its own zstd frame, so that reading one document decompresses
 * the blocks it lies in, not the whole chunk.
 *
 * <p>A chunk is written as its block length (vInt), then per block the frame's length (vInt) and
 * the frame; the last block holds what is left.
 */
final class ZstdCompressionMode extends CompressionMode {

    private final int level;
    private final int blockLength;
    /** A new compressor at the level given. */
    private final IntFunction<FrameCompressor> compressors;
    private final Supplier<FrameDecompressor> decompressors;

    ZstdCompressionMode(int level, int blockLength) {
        this(level, blockLength, ZstdLibrary::compressor, ZstdLibrary::decompressor);
    }

    /** With the given implementations of zstd. */
    ZstdCompressionMode(int level, int blockLength, IntFunction<FrameCompressor> compressors,
            Supplier<FrameDecompressor> decompressors) {
        this.level = level;
        this.blockLength = blockLength;
        this.compressors = compressors;
        this.decompressors = decompressors;
    }

    @Override
    public Compressor newCompressor() {
        return new BlockCompressor(compressors.apply(level), blockLength);
    }

    @Override
    public Decompressor newDecompressor() {
        return new BlockDecompressor(decompressors);
    }

    @Override
    public String toString() {
        return "zstd(level=" + level + ", blockLength=" + blockLength + ")";
    }

    private static final class BlockCompressor extends Compressor {
        private final FrameCompressor zstd;
        private final int blockLength;
        private byte[] input = new byte[0];
        private byte[] frame = new byte[0];

        BlockCompressor(FrameCompressor zstd, int blockLength) {
            this.zstd = zstd;
            this.blockLength = blockLength;
        }

        @Override
        public void compress(ByteBuffersDataInput in, DataOutput out) throws IOException {
            int length = Math.toIntExact(in.length());
            input = ArrayUtil.growNoCopy(input, length);
            in.readBytes(input, 0, length);
            out.writeVInt(blockLength);
            for (int start = 0; start < length; start += blockLength) {
                int block = Math.min(blockLength, length - start);
                frame = ArrayUtil.growNoCopy(frame, zstd.maxCompressedLength(block));
                int size = zstd.compress(input, start, block, frame);
                out.writeVInt(size);
                out.writeBytes(frame, 0, size);
            }
        }

        @Override
        public void close() {
            zstd.release();
        }
    }

    private static final class BlockDecompressor extends Decompressor {
        private final Supplier<FrameDecompressor> decompressors;
        private final FrameDecompressor zstd;
        private byte[] frame = new byte[0];

        BlockDecompressor(Supplier<FrameDecompressor> decompressors) {
            this.decompressors = decompressors;
            this.zstd = decompressors.get();
        }

        @Override
        public void decompress(DataInput in, int originalLength, int offset, int length,
                BytesRef bytes) throws IOException {
            if (length == 0) {
                bytes.length = 0;
                return;
            }
            int blockLength = in.readVInt();
            if (blockLength <= 0) {
                throw new CorruptIndexException("block length " + blockLength, in);
            }
            int first = offset / blockLength;
            int last = (offset + length - 1) / blockLength;
            for (int block = 0; block < first; block++) {
                in.skipBytes(in.readVInt());
            }
            int end = Math.min(originalLength, (last + 1) * blockLength);
            bytes.bytes = ArrayUtil.growNoCopy(bytes.bytes, end - first * blockLength);
            int filled = 0;
            for (int block = first; block <= last; block++) {
                int size = in.readVInt();
                frame = ArrayUtil.growNoCopy(frame, size);
                in.readBytes(frame, 0, size);
                int expected = Math.min(blockLength, originalLength - block * blockLength);
                int got = decompress(size, bytes.bytes, filled, expected, in);
                if (got != expected) {
                    throw new CorruptIndexException("zstd block " + block + " held " + got
                            + " bytes, not " + expected, in);
                }
                filled += got;
            }
            bytes.offset = offset - first * blockLength;
            bytes.length = length;
        }

        private int decompress(int size, byte[] dst, int at, int capacity, DataInput in)
                throws IOException {
            try {
                return zstd.decompress(frame, size, dst, at, capacity);
            } catch (IOException e) {
                throw new CorruptIndexException(e.getMessage(), in, e);
            }
        }

        @Override
        public Decompressor clone() {
            return new BlockDecompressor(decompressors);
        }
    }
}
