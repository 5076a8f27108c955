package org.lorebot.index.codec;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.lorebot.index.MailIndex;
import org.lorebot.index.archive.GitArchiveSource;
import org.lorebot.index.ingest.IngestListener;

/**
 * The child JVM of {@link NativeFallbackTest}, started where zstd's C library cannot load:
 * ingests a v2 inbox into one data directory, then prints every stored document of another,
 * one line each ("Message-ID TAB fields").
 *
 * <p>Arguments: the data directory to write, the inbox, the data directory to read.
 */
public final class WithoutNativeZstd {

    private WithoutNativeZstd() {
    }

    public static void main(String[] args) throws Exception {
        try (MailIndex index = MailIndex.open(Path.of(args[0]));
                GitArchiveSource inbox = GitArchiveSource.v2Inbox(Path.of(args[1]))) {
            index.ingest("lkml", inbox, new IngestListener() { });
        }
        for (Map.Entry<String, List<String>> document
                : StoredDocuments.of(Path.of(args[2])).entrySet()) {
            System.out.println(document.getKey() + "\t" + document.getValue());
        }
    }
}
