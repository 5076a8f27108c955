package org.lorebot.index.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lorebot.index.MailIndex;
import org.lorebot.index.archive.ArchiveSources;
import org.lorebot.index.fixture.PublicInboxFixtures;

/** Reading starts before the index is opened for writing; a refusal then must leave nothing running. */
class IngestStartTest {

    @Test
    void anIndexAnotherWriterHoldsIsRefusedAndTheReadingStops(@TempDir Path tmp) throws Exception {
        Path mbox = PublicInboxFixtures.sourceMbox(PublicInboxFixtures.v2());
        Path data = tmp.resolve("data");
        try (MailIndex first = MailIndex.open(data); MailIndex second = MailIndex.open(data)) {
            IngestSummary done = first.ingest("lkml", ArchiveSources.open(mbox), IngestListener.NONE);
            assertEquals(PublicInboxFixtures.MESSAGES, done.added());

            IOException refused = assertThrows(IOException.class,
                    () -> second.ingest("other", ArchiveSources.open(mbox), IngestListener.NONE));
            assertTrue(refused.getMessage().contains("another process is writing to the index"),
                    refused.getMessage());
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (readerAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(!readerAlive(), "the reading thread of the refused run stopped");
            assertEquals(PublicInboxFixtures.MESSAGES, second.size(), "nothing of the refused run");
        }
    }

    private static boolean readerAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.isAlive() && t.getName().equals("lorebot-read"));
    }
}
