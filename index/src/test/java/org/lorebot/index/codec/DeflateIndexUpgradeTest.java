package org.lorebot.index.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.lucene90.Lucene90StoredFieldsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lorebot.index.MailIndex;
import org.lorebot.index.archive.GitArchiveSource;
import org.lorebot.index.archive.MboxFormat;
import org.lorebot.index.archive.MboxSource;
import org.lorebot.index.fixture.PublicInboxFixtures;
import org.lorebot.index.ingest.IngestListener;

/**
 * An index an older lorebot wrote (stored fields in Lucene 9.12's DEFLATE) is opened, searched
 * and added to by this one, and a merge rewrites it in zstd without changing a stored byte.
 */
class DeflateIndexUpgradeTest {

    private static final String QUERY = "s:PATCH";

    @Test
    void anOlderIndexIsSearchedAddedToAndMergedIntoZstd(@TempDir Path tmp) throws Exception {
        Path fresh = tmp.resolve("fresh");
        try (MailIndex index = MailIndex.open(fresh);
                GitArchiveSource inbox = GitArchiveSource.v2Inbox(PublicInboxFixtures.v2())) {
            index.ingest("lkml", inbox, new IngestListener() { });
        }
        Path old = tmp.resolve("old");
        writeAsBefore(fresh, old);
        assertEquals(Map.of("Lucene912", PublicInboxFixtures.MESSAGES), documentsByCodec(old));
        Map<String, List<String>> written = StoredDocuments.of(old);
        assertEquals(StoredDocuments.of(fresh), written);
        assertEquals(PublicInboxFixtures.MESSAGES, written.size());

        long matches;
        byte[] first;
        try (MailIndex index = MailIndex.open(fresh)) {
            matches = index.search(QUERY, 0, 0).total();
            first = index.raw(PublicInboxFixtures.FIRST_MESSAGE_ID).orElseThrow();
        }
        assertTrue(matches > 0);
        try (MailIndex index = MailIndex.open(old)) {
            assertEquals(matches, index.search(QUERY, 0, 0).total());
            assertArrayEquals(first, index.raw(PublicInboxFixtures.FIRST_MESSAGE_ID).orElseThrow());
            index.ingest("more", new MboxSource(newMessages(tmp, 3), MboxFormat.MBOXRD),
                    new IngestListener() { });
            assertEquals(matches + 3, index.search(QUERY, 0, 0).total());
        }
        assertEquals(Map.of("Lucene912", PublicInboxFixtures.MESSAGES, LorebotCodec.NAME, 3),
                documentsByCodec(old));
        Map<String, List<String>> added = StoredDocuments.of(old);
        assertEquals(PublicInboxFixtures.MESSAGES + 3, added.size());
        written.forEach((id, fields) -> assertEquals(fields, added.get(id), id));

        forceMerge(old);
        assertEquals(Map.of(LorebotCodec.NAME, PublicInboxFixtures.MESSAGES + 3),
                documentsByCodec(old));
        assertEquals(added, StoredDocuments.of(old));
        try (MailIndex index = MailIndex.open(old)) {
            assertEquals(matches + 3, index.search(QUERY, 0, 0).total());
        }
    }

    /** Copies {@code from}'s documents and commit data into a new index, in the old format. */
    private static void writeAsBefore(Path from, Path to) throws IOException {
        IndexWriterConfig config = new IndexWriterConfig()
                .setCodec(new Lucene912Codec(Lucene912Codec.Mode.BEST_COMPRESSION));
        try (FSDirectory source = FSDirectory.open(from.resolve("lucene"));
                DirectoryReader reader = DirectoryReader.open(source);
                FSDirectory target = FSDirectory.open(to.resolve("lucene"));
                IndexWriter writer = new IndexWriter(target, config)) {
            List<CodecReader> leaves = new ArrayList<>();
            for (LeafReaderContext leaf : reader.leaves()) {
                leaves.add((CodecReader) leaf.reader());
            }
            writer.addIndexes(leaves.toArray(CodecReader[]::new));
            writer.setLiveCommitData(
                    SegmentInfos.readLatestCommit(source).getUserData().entrySet());
            writer.commit();
        }
    }

    private static void forceMerge(Path dataDir) throws IOException {
        IndexWriterConfig config = new IndexWriterConfig().setCodec(new LorebotCodec());
        try (FSDirectory directory = FSDirectory.open(dataDir.resolve("lucene"));
                IndexWriter writer = new IndexWriter(directory, config)) {
            writer.forceMerge(1);
            writer.commit();
        }
    }

    /** Live documents per codec name of the segments that hold them. */
    private static Map<String, Integer> documentsByCodec(Path dataDir) throws IOException {
        Map<String, Integer> documents = new HashMap<>();
        try (FSDirectory directory = FSDirectory.open(dataDir.resolve("lucene"))) {
            for (SegmentCommitInfo segment : SegmentInfos.readLatestCommit(directory)) {
                Codec codec = segment.info.getCodec();
                if (codec.getName().equals("Lucene912")) {
                    assertEquals("BEST_COMPRESSION",
                            segment.info.getAttribute(Lucene90StoredFieldsFormat.MODE_KEY));
                }
                documents.merge(codec.getName(),
                        segment.info.maxDoc() - segment.getDelCount(), Integer::sum);
            }
        }
        return documents;
    }

    private static Path newMessages(Path dir, int count) throws IOException {
        StringBuilder mbox = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            mbox.append("From mboxrd@z Thu Jan  1 00:00:00 1970\n")
                    .append("From: Ana Tester <ana@example.org>\n")
                    .append("To: linux-mtd@lists.infradead.org\n")
                    .append("Subject: [PATCH] mtd: allocate the bounce buffer with GFP_DMA ")
                    .append(i).append('\n')
                    .append("Date: Mon, 4 Dec 2023 10:00:0").append(i).append(" +0000\n")
                    .append("Message-ID: <upgrade-").append(i).append("@example.org>\n\n")
                    .append("diff --git a/drivers/mtd/x.c b/drivers/mtd/x.c\n")
                    .append("--- a/drivers/mtd/x.c\n+++ b/drivers/mtd/x.c\n")
                    .append("@@ -1 +1 @@\n-\tbuf = kmalloc(len, GFP_KERNEL);\n")
                    .append("+\tbuf = kmalloc(len, GFP_KERNEL | GFP_DMA);\n\n");
        }
        Path file = dir.resolve("new.mbox");
        Files.writeString(file, mbox, StandardCharsets.UTF_8);
        return file;
    }
}
