package org.lorebot.bot.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lorebot.bot.cli.CommandRun;
import org.lorebot.index.fixture.PublicInboxMda;

/**
 * lorebot beside a list's own public-inbox: the inbox is written by the real public-inbox-mda,
 * and configured with the {@code path} and {@code url} public-inbox's own configuration has.
 * The url is only the public address: the inbox is read where it is, never fetched, and every
 * pass exits 0; {@code fetch = true} forces a fetch.
 */
class LocalInboxTest {

    private static final String URL = "https://lore.kernel.org/linux-mips";
    private static final Set<String> PATCHES = Set.of("<20201225190048.776de55443fd4c953e797d8e@gmx.com>",
            "<20201225190138.82003a392c86f08352aca998@gmx.com>", "<20210104195611.61997e86092b3559c95f36fc@gmx.com>");

    @TempDir
    Path dir;

    private PublicInboxMda inbox;

    @BeforeEach
    void writeTheListsArchive() throws Exception {
        inbox = PublicInboxMda.create(dir.resolve("pi"), "linux-mips", URL, "linux-mips@vger.kernel.org");
        for (String f : new String[] {"018-n64-rfc-cover.eml", "019-n64-fbdev-n64rdp-driver.eml",
                "021-n64-sound-driver.eml", "022-n64-cart-v2-kmalloc-gfp-dma.eml"}) {
            inbox.deliver(Mail.labelled(f).getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    private Path config(String extra) throws Exception {
        return Files.writeString(dir.resolve("lorebot.conf"), """
                [core]
                    data = data
                [inbox "linux-mips"]
                    path = %s
                    url = %s
                    address = linux-mips@vger.kernel.org
                %s
                [review]
                    lists = linux-mips
                    since = 2000-01-01
                """.formatted(inbox.inbox(), URL, extra));
    }

    @Test
    void aLocalInboxWithAPublicUrlIsReadWhereItIsAndAnswered() throws Exception {
        Path config = config("");
        CommandRun first = CommandRun.lorebot("run", "--config", config.toString(), "--once");
        assertEquals(0, first.exit(), first.toString());
        assertFalse(first.toString().contains("not a mirror"), first.toString());
        assertFalse(first.out().contains("cloned from"), first.toString());
        assertTrue(first.out().contains("linux-mips: added 4, removed 0,"), first.toString());

        Set<String> answered = new TreeSet<>();
        for (MimeMessage reply : Mail.maildir(dir.resolve("data/outbox"))) {
            answered.add(reply.getHeader("In-Reply-To", null));
        }
        assertEquals(PATCHES, answered);

        // the next message the list gets arrives through the mda; the next pass reads it, again without fetching
        inbox.deliver(Mail.labelled("023-n64-cart-v2-re-kbusch.eml").getBytes(StandardCharsets.ISO_8859_1));
        CommandRun second = CommandRun.lorebot("run", "--config", config.toString(), "--once");
        assertEquals(0, second.exit(), second.toString());
        assertTrue(second.out().contains("linux-mips: added 1, removed 0,"), second.toString());
        assertEquals(PATCHES.size(), Mail.maildir(dir.resolve("data/outbox")).size());

        CommandRun fetch = CommandRun.lorebot("fetch", "--config", config.toString(), "linux-mips");
        assertEquals(2, fetch.exit(), fetch.toString());
        assertEquals("lorebot: inbox 'linux-mips' is a local archive, not a mirror: " + inbox.inbox()
                + " was not cloned by lorebot (set inbox.linux-mips.fetch = true to fetch into it)\n", fetch.err());
    }

    @Test
    void fetchTrueForcesAFetch() throws Exception {
        Path config = config("    fetch = true");
        CommandRun run = CommandRun.lorebot("run", "--config", config.toString(), "--once");
        // the list's own inbox has no origin to fetch from: forcing it is an error, said so
        assertEquals(2, run.exit(), run.toString());
        assertTrue(run.err().contains("lorebot: linux-mips: " + inbox.inbox().resolve("git/0.git")
                + " has no remote.origin.url: not a mirror epoch"), run.toString());
    }
}
