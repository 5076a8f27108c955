package org.lorebot.bot.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rule page links its cited mail here when the archive has it, else to lore: never to a 404. */
class RulePagesTest {

    private static final String HELD = "20220219005221.634-1-bhe@redhat.com";
    private static final String ELSEWHERE = "20180110080027.13879-21-hch@lst.de";

    @TempDir
    Path dir;

    @Test
    void citedMailIsLinkedWhereItCanBeRead() throws Exception {
        String mail = "From: Baoquan He <bhe@redhat.com>\nSubject: [PATCH 0/22] Don't use kmalloc() with GFP_DMA\n"
                + "Date: Sat, 19 Feb 2022 08:52:21 +0800\nMessage-ID: <" + HELD + ">\n\ncover\n";
        try (MboxArchive archive = MboxArchive.serve(dir, "linux-mm", List.of(mail))) {
            String page = Http.text(Http.get(archive.base() + "/rules/DMA001"));
            assertTrue(page.contains("<a href=\"/r/" + HELD + "/\">" + HELD + "</a>"), page);
            assertTrue(page.contains("<a href=\"https://lore.kernel.org/r/" + ELSEWHERE + "/\">" + ELSEWHERE + "</a>"),
                    page);
        }
    }
}
