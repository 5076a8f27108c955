package org.lorebot.bot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class ListNamesTest {

    @Test
    void nameIsTheDirectoryOrFileWithoutExtension() {
        assertEquals("linux-mtd", ListNames.fromSource(Path.of("/srv/mirrors/linux-mtd")));
        assertEquals("linux-mtd", ListNames.fromSource(Path.of("/srv/mirrors/linux-mtd/")));
        assertEquals("lkml", ListNames.fromSource(Path.of("dumps/lkml.mbox.gz")));
        assertEquals("netdev", ListNames.fromSource(Path.of("netdev.mbox")));
        assertEquals("linux-mtd-0", ListNames.fromSource(Path.of("/tmp/linux-mtd-0.git")));
    }

    @Test
    void anEpochOfAnInboxIsNamedAfterTheInbox() {
        assertEquals("linux-mm", ListNames.fromSource(Path.of("/srv/linux-mm/git/3.git")));
    }

    @Test
    void badNamesAreRefusedWithAHint() {
        InputException e = assertThrows(InputException.class, () -> ListNames.check("my list", "list"));
        assertEquals("list 'my list' is not a list name (letters, digits, '.', '_' and '-'); give one with --list",
                e.getMessage());
        assertEquals("linux-mm", ListNames.check("linux-mm", "list"));
    }
}
