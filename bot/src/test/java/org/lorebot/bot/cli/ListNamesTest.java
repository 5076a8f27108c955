package org.lorebot.bot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListNamesTest {

    @TempDir
    Path dir;

    @Test
    void nameIsTheDirectoryOrFileWithoutExtension() throws Exception {
        assertEquals("linux-mtd", ListNames.fromSource(Files.createDirectories(dir.resolve("mirrors/linux-mtd"))));
        assertEquals("linux-mtd-0", ListNames.fromSource(Files.createDirectories(dir.resolve("linux-mtd-0.git"))));
        assertEquals("lists.infradead.org", ListNames.fromSource(Files.createDirectories(dir.resolve("lists.infradead.org"))));
        assertEquals("lkml", ListNames.fromSource(Files.createFile(dir.resolve("lkml.mbox.gz"))));
        assertEquals("netdev", ListNames.fromSource(Files.createFile(dir.resolve("netdev.mbox"))));
        assertEquals("notes", ListNames.fromSource(Files.createFile(dir.resolve("notes.txt"))));
        assertEquals("plain", ListNames.fromSource(Files.createFile(dir.resolve("plain"))));
    }

    @Test
    void anEpochOfAnInboxIsNamedAfterTheInbox() throws Exception {
        assertEquals("linux-mm", ListNames.fromSource(Files.createDirectories(dir.resolve("linux-mm/git/3.git"))));
    }

    @Test
    void badNamesAreRefusedWithAHint() {
        InputException e = assertThrows(InputException.class, () -> ListNames.check("my list", "list"));
        assertEquals("list 'my list' is not a list name (letters, digits, '.', '_' and '-'); give one with --list",
                e.getMessage());
        assertEquals("linux-mm", ListNames.check("linux-mm", "list"));
    }
}
