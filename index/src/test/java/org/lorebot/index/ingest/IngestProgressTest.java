package org.lorebot.index.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lorebot.index.MailIndex;
import org.lorebot.index.archive.ArchiveSource;
import org.lorebot.index.archive.ArchiveSources;
import org.lorebot.index.fixture.PublicInboxFixtures;

class IngestProgressTest {

    @Test
    void anMboxIngestReportsAnEstimateThatEndsExactWithoutCountingFirst(@TempDir Path tmp)
            throws Exception {
        List<long[]> progress = new ArrayList<>();
        long[] announced = {0};
        IngestListener listener = new IngestListener() {
            @Override
            public void started(String list, String source, long estimate) {
                announced[0] = estimate;
            }

            @Override
            public void progress(long done, long estimate) {
                progress.add(new long[] {done, estimate});
            }
        };
        Path mbox = PublicInboxFixtures.sourceMbox(PublicInboxFixtures.v2());
        try (MailIndex index = MailIndex.open(tmp.resolve("data"));
             ArchiveSource source = ArchiveSources.open(mbox)) {
            IngestSummary summary = index.ingest("lkml", source, listener);

            assertEquals(-1, announced[0], "an mbox is not counted before its messages are read");
            assertEquals(PublicInboxFixtures.MESSAGES, summary.read());
            assertEquals(summary.read() + 1, progress.size(), "one per message, one at the end");
            for (int i = 0; i < summary.read(); i++) {
                long[] step = progress.get(i);
                assertEquals(i + 1, step[0]);
                assertTrue(step[1] == -1 || step[1] >= step[0], step[0] + " of " + step[1]);
            }
            long[] last = progress.get(progress.size() - 1);
            assertEquals(List.of(summary.read(), summary.read()), List.of(last[0], last[1]),
                    "at the end the total is known");
            assertTrue(progress.stream().anyMatch(step -> step[1] > 0 && step[0] < summary.read()),
                    "the total is estimated before the end");
        }
    }
}
