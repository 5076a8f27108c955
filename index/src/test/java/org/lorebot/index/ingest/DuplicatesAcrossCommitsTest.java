package org.lorebot.index.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lorebot.index.MailIndex;
import org.lorebot.index.archive.MboxFormat;
import org.lorebot.index.archive.MboxSource;

/**
 * A first ingest into an empty index answers "is this id indexed?" from what the run wrote; the
 * answers must stay those of the index: across commits, across runs, and for cross-posts.
 */
class DuplicatesAcrossCommitsTest {

    private static String message(int n, String subject) {
        return "From a@x Mon Jan  2 08:14:25 2023\n"
                + "Message-ID: <m" + n + "@example.org>\n"
                + "From: Ann <ann@example.org>\n"
                + "Subject: " + subject + "\n"
                + "Date: Mon, 2 Jan 2023 08:14:25 +0000\n\n"
                + "body of " + n + "\n\n";
    }

    @Test
    void repeatsAreFoundAcrossCommitsAndRunsAndCrossPostsJoinTheirList(@TempDir Path tmp)
            throws Exception {
        StringBuilder first = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            first.append(message(i, "patch " + i));
        }
        for (int i = 0; i < 50; i++) {
            first.append(message(i, "patch " + i)); // the same mail again, commits later
        }
        first.append(message(7, "another mail reusing an id"));
        Path mbox = Files.writeString(tmp.resolve("first.mbox"), first);
        StringBuilder second = new StringBuilder();
        second.append(message(10, "patch 10")).append(message(200, "new"));
        Path crossPosted = Files.writeString(tmp.resolve("second.mbox"), second);

        Path data = tmp.resolve("data");
        try (MailIndex index = MailIndex.open(data, IngestOptions.defaults().withCommitEvery(30))) {
            IngestSummary run = index.ingest("one", new MboxSource(mbox, MboxFormat.MBOXRD),
                    IngestListener.NONE);
            assertEquals(101, run.added(), "100 mails and the one reusing an id");
            assertEquals(50, run.duplicates());
            assertEquals(101, index.size());
        }
        try (MailIndex index = MailIndex.open(data, IngestOptions.defaults().withCommitEvery(30))) {
            IngestSummary again = index.ingest("one", new MboxSource(crossPosted, MboxFormat.MBOXRD),
                    IngestListener.NONE);
            assertEquals(1, again.added());
            assertEquals(1, again.duplicates(), "m10 is indexed already");

            IngestSummary other = index.ingest("two", new MboxSource(crossPosted, MboxFormat.MBOXRD),
                    IngestListener.NONE);
            assertEquals(0, other.added());
            assertEquals(2, other.duplicates(), "both are stored once, and join list two");
            assertEquals(102, index.size());
            assertEquals(2, index.search("l:two", 0, 0).total());
        }
    }
}
