package org.lorebot.index.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lorebot.index.MailIndex;
import org.lorebot.index.archive.MboxFormat;
import org.lorebot.index.archive.MboxSource;

/** A message that cannot be indexed is counted, named and skipped; the rest go on. */
class MalformedMailTest {

    @Test
    void aMessageWithoutAnyHeaderIsSkippedWithItsReason(@TempDir Path tmp) throws Exception {
        String mbox = "From a@example.org Mon Jan  2 08:00:00 2023\n"
                + "From: A <a@example.org>\nMessage-ID: <first@example.org>\n"
                + "Date: Mon, 2 Jan 2023 08:00:00 +0000\nSubject: [PATCH] first\n\nhello\n\n"
                + "From b@example.org Mon Jan  2 09:00:00 2023\n"
                + "\nno header at all, only a body\n\n"
                + "From c@example.org Mon Jan  2 10:00:00 2023\n"
                + "From: C <c@example.org>\nMessage-ID: <third@example.org>\n"
                + "In-Reply-To: <first@example.org>\n"
                + "Date: Mon, 2 Jan 2023 10:00:00 +0000\nSubject: Re: [PATCH] first\n\nok\n";
        Path file = tmp.resolve("list.mbox");
        Files.writeString(file, mbox, StandardCharsets.UTF_8);
        try (MailIndex index = MailIndex.open(tmp.resolve("data"))) {
            IngestSummary summary = index.ingest("test",
                    new MboxSource(file, MboxFormat.MBOXRD), IngestListener.NONE);
            assertEquals(3, summary.read());
            assertEquals(2, summary.added());
            assertEquals(1, summary.malformed());
            assertEquals(1, summary.problems().size());
            assertTrue(summary.problems().get(0).reason().startsWith("no header"),
                    summary.problems().toString());
            assertEquals(2, index.thread("third@example.org").orElseThrow().messageCount());
        }
    }
}
