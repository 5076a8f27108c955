package org.lorebot.index.codec;

import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.StoredFieldsFormat;
import org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;

/**
 * Lucene 9.12's codec with the stored fields (the raw messages, most of the index) compressed by
 * zstd instead of DEFLATE: about as small, several times cheaper to write. Segments name their
 * codec, so an index holds segments of both until a merge rewrites the old ones in this format.
 * Found by its name through {@code META-INF/services/org.apache.lucene.codecs.Codec}: the name is
 * written into every segment and must never change meaning.
 */
public final class LorebotCodec extends FilterCodec {

    public static final String NAME = "Lorebot912";

    /** zstd's default: higher levels cost more CPU than the few percent of size they save. */
    static final int LEVEL = 3;
    /** The zstd frame a document is read from. */
    static final int BLOCK_LENGTH = 128 * 1024;
    /** Documents are buffered up to this many bytes, then written as one chunk of blocks. */
    static final int CHUNK_SIZE = 4 * BLOCK_LENGTH;
    static final int MAX_DOCS_PER_CHUNK = 4096;
    /** As Lucene's own stored fields formats: the chunk index is written 1,024 chunks a block. */
    private static final int BLOCK_SHIFT = 10;

    /**
     * One for every instance: a merge copies compressed chunks as they are only from segments
     * whose compression mode is this very object (the codec a writer was given and the one
     * looked up by name for segments already on disk are two instances).
     */
    private static final StoredFieldsFormat STORED_FIELDS =
            new Lucene90CompressingStoredFieldsFormat("LorebotZstdStoredFields",
                    new ZstdCompressionMode(LEVEL, BLOCK_LENGTH), CHUNK_SIZE,
                    MAX_DOCS_PER_CHUNK, BLOCK_SHIFT);

    public LorebotCodec() {
        super(NAME, new Lucene912Codec());
    }

    /**
     * Loads zstd's C library now, when it can, so that this JVM's reads decompress with it (two to
     * four times as fast as zstd in Java): for long-running servers. A command that runs for a
     * moment should not: the load costs more than its reads save. Whether the library is loaded.
     */
    public static boolean useNativeLibrary() {
        return ZstdLibrary.load();
    }

    @Override
    public StoredFieldsFormat storedFieldsFormat() {
        return STORED_FIELDS;
    }
}
