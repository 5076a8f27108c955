package org.lorebot.bot.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lorebot.bot.cli.CommandRun;
import org.lorebot.index.fixture.PublicInboxMda;

/**
 * Issue 11 point 1, the attack: a decoy is delivered first carrying the Message-ID a real patch
 * will carry. public-inbox-mda stores the patch anyway, with an extra generated Message-ID
 * header, and lore shows both; lorebot must index the patch under that id and review it.
 */
class DecoyPatchTest {

    private static final String PATCH_ID = "20210104195611.61997e86092b3559c95f36fc@gmx.com";
    private static final String DECOY = """
            From: Someone <someone@example.net>
            To: linux-mips@vger.kernel.org
            Subject: [PATCH] MIPS: harmless whitespace fix
            Date: Mon, 4 Jan 2021 19:00:00 +0200
            Message-Id: <%s>

            Nothing to review here.
            """.formatted(PATCH_ID);

    @Test
    void aDecoyDeliveredFirstDoesNotStopThePatchFromBeingReviewed(@TempDir Path dir) throws Exception {
        PublicInboxMda inbox = PublicInboxMda.create(dir.resolve("pi"), "linux-mips",
                "https://lore.kernel.org/linux-mips", "linux-mips@vger.kernel.org");
        inbox.deliver(DECOY.getBytes(StandardCharsets.ISO_8859_1));
        inbox.deliver(Mail.labelled("022-n64-cart-v2-kmalloc-gfp-dma.eml").getBytes(StandardCharsets.ISO_8859_1));
        Path config = Files.writeString(dir.resolve("lorebot.conf"), """
                [core]
                    data = data
                [inbox "linux-mips"]
                    path = %s
                    address = linux-mips@vger.kernel.org
                [review]
                    lists = linux-mips
                    since = 2000-01-01
                """.formatted(inbox.inbox()));

        CommandRun run = CommandRun.lorebot("run", "--config", config.toString(), "--once");
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.out().contains("linux-mips: added 2, removed 0,"), "both are indexed: " + run);

        CommandRun search = CommandRun.lorebot("search", "--config", config.toString(), "--json", "m:" + PATCH_ID);
        assertEquals(2, search.jsonLines().size(), "m: finds the decoy and the patch: " + search);

        List<MimeMessage> replies = Mail.maildir(dir.resolve("data/outbox"));
        assertEquals(1, replies.size(), run.toString());
        MimeMessage reply = replies.get(0);
        assertEquals("Re: [PATCH 6/6 v2] block: Add n64 cart driver", reply.getSubject());
        // subscribers got the patch with the id it was sent with: the reply answers that id,
        // as every other reply to it does
        assertEquals("<" + PATCH_ID + ">", reply.getHeader("In-Reply-To", null));
        String text = reply.getContent().toString();
        assertTrue(text.contains("GFP_DMA"), "the review quotes the patch, not the decoy: " + text);
    }
}
