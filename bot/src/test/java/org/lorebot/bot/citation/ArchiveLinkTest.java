package org.lorebot.bot.citation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ArchiveLinkTest {

    @Test
    void joinsInboxUrlAndMessageIdWithTrailingSlash() {
        assertEquals("https://lore.kernel.org/linux-mm/20220219005221.634-3-bhe@redhat.com/",
                ArchiveLink.of("https://lore.kernel.org/linux-mm", "20220219005221.634-3-bhe@redhat.com"));
    }

    @Test
    void toleratesTrailingSlashAndAngleBrackets() {
        assertEquals("https://lore.kernel.org/all/a.b@c.d/",
                ArchiveLink.of("https://lore.kernel.org/all/", "<a.b@c.d>"));
    }

    @Test
    void escapesCharactersThatWouldBreakThePath() {
        assertEquals("https://lore.kernel.org/all/a%2Fb%25c%3Fd%23e@x.y/",
                ArchiveLink.of("https://lore.kernel.org/all", "a/b%c?d#e@x.y"));
        assertEquals("https://lore.kernel.org/all/x+y=z@h.i/",
                ArchiveLink.of("https://lore.kernel.org/all", "x+y=z@h.i"));
    }

    @Test
    void rejectsEmptyInput() {
        assertThrows(IllegalArgumentException.class, () -> ArchiveLink.of("", "a@b.c"));
        assertThrows(IllegalArgumentException.class, () -> ArchiveLink.of("https://x", "<>"));
    }
}
