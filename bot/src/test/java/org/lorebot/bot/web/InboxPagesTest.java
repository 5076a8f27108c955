package org.lorebot.bot.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inbox's index of newest threads. */
class InboxPagesTest {

    @TempDir
    Path dir;

    @Test
    void aThreadIsListedUnderItsRootsSubjectEvenWhenTheRootIsOlderThanThePage() throws Exception {
        List<String> mails = new ArrayList<>();
        mails.add("From: A <a@example.org>\nSubject: [PATCH] mtd: spi-nor: the root subject\n"
                + "Date: Mon, 1 Jan 2018 10:00:00 +0000\nMessage-ID: <root@example.org>\n\nroot\n");
        for (int i = 0; i < InboxPages.MESSAGES_PER_PAGE; i++) {
            mails.add("From: F <f@example.org>\nSubject: filler " + i + "\nDate: Mon, 1 Jan 2024 10:00:00 +0000\n"
                    + "Message-ID: <filler-" + i + "@example.org>\n\nfiller\n");
        }
        mails.add("From: B <b@example.org>\nSubject: Re: late thoughts (was: something else)\n"
                + "Date: Tue, 2 Jan 2024 10:00:00 +0000\nMessage-ID: <late@example.org>\n"
                + "In-Reply-To: <root@example.org>\nReferences: <root@example.org>\n\nlate\n");
        try (MboxArchive archive = MboxArchive.serve(dir, "linux-mtd", mails)) {
            String page = Http.text(Http.get(archive.base() + "/linux-mtd/"));
            assertTrue(page.contains("<a href=\"/linux-mtd/root@example.org/T/\">[PATCH] mtd: spi-nor: the root subject</a>"),
                    page);
            assertFalse(page.contains(">Re: late thoughts"), "not the reply's subject");
        }
    }
}
