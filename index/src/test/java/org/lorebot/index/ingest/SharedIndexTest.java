package org.lorebot.index.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lorebot.index.MailIndex;
import org.lorebot.index.archive.ArchiveSource;
import org.lorebot.index.archive.GitArchiveSource;
import org.lorebot.index.fixture.PublicInboxFixtures;

/** One data directory used by a searching process and an ingesting one, as web and daemon do. */
class SharedIndexTest {

    @Test
    void aSearcherSeesWhatAnotherIndexInstanceIngested(@TempDir Path data) throws Exception {
        try (MailIndex web = MailIndex.open(data); MailIndex daemon = MailIndex.open(data)) {
            assertEquals(0, web.search("dfa:GFP_DMA", 0, 0).total());
            try (ArchiveSource source = GitArchiveSource.v2Inbox(PublicInboxFixtures.v2())) {
                daemon.ingest("lkml", source, IngestListener.NONE);
            }
            assertEquals(12, web.search("dfa:GFP_DMA", 0, 0).total());
            String id = PublicInboxFixtures.FIRST_MESSAGE_ID;
            assertEquals(daemon.thread(id).orElseThrow(), web.thread(id).orElseThrow());
            assertEquals(PublicInboxFixtures.MESSAGES, web.size());

            // The daemon holds the index's write lock: a second writer is told so.
            try (ArchiveSource source = GitArchiveSource.v1Inbox(PublicInboxFixtures.v1())) {
                IOException e = assertThrows(IOException.class,
                        () -> web.ingest("lkml", source, IngestListener.NONE));
                assertTrue(e.getMessage().contains("another process is writing"), e.getMessage());
            }
        }
    }
}
