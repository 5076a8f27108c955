package org.lorebot.bot.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lorebot.bot.cli.CommandRun;

/**
 * New means new in the archive: what the archive holds at the first run is history, whatever its
 * Date; a patch that reaches the archive later is reviewed even when its Date is days old (held in
 * moderation, a wrong clock), and only a Date beyond {@code review.max-age} keeps it unanswered,
 * indexed and said so.
 */
class ArrivalOrderTest {

    private static final String CART_ID = "<20210104195611.61997e86092b3559c95f36fc@gmx.com>";
    private static final String VIOVERLAY_ID = "1393324385-44355-3-git-send-email-hverkuil@xs4all.nl";

    @TempDir
    Path dir;

    @Test
    void mailIsNewByArrivalNotByDate() throws Exception {
        ServedInbox inbox = ServedInbox.create(dir.resolve("lkml"));
        Instant now = Instant.now();
        // history, one patch with a finding dated a minute ago among it: present at the first run
        inbox.deliver(Mail.labelled("001-bhe-00-cover-dont-use-kmalloc-gfp-dma.eml"));
        inbox.deliver(Mail.postedAt(Mail.labelled("019-n64-fbdev-n64rdp-driver.eml"), now.minus(Duration.ofMinutes(1))));
        Path config = Files.writeString(dir.resolve("lorebot.conf"), """
                [core]
                    data = data
                [inbox "lkml"]
                    path = lkml
                    address = linux-kernel@vger.kernel.org
                [review]
                    lists = lkml
                """);
        CommandRun first = CommandRun.lorebot("run", "--config", config.toString(), "--once");
        assertEquals(0, first.exit(), first.toString());
        assertTrue(first.out().contains("lorebot: first run: the archives' history is indexed, not reviewed"),
                first.toString());
        assertEquals(0, Mail.maildir(dir.resolve("data/outbox")).size(), first.toString());

        // a patch five days in a moderation queue, and one dated two months back, arrive now
        inbox.deliver(Mail.postedAt(Mail.labelled("022-n64-cart-v2-kmalloc-gfp-dma.eml"), now.minus(Duration.ofDays(5))));
        inbox.deliver(Mail.postedAt(Mail.labelled("074-vioverlay-kzalloc-gfp-dma32.eml"), now.minus(Duration.ofDays(60))));
        CommandRun second = CommandRun.lorebot("run", "--config", config.toString(), "--once");
        assertEquals(0, second.exit(), second.toString());
        assertTrue(second.out().contains("1 too old to answer (dated over 30d before reaching the archive:"
                + " review.max-age)"), second.toString());
        List<MimeMessage> replies = Mail.maildir(dir.resolve("data/outbox"));
        assertEquals(1, replies.size(), second.toString());
        assertEquals(CART_ID, replies.get(0).getHeader("In-Reply-To", null));
        // the old-dated one is indexed all the same
        CommandRun found = CommandRun.lorebot("search", "--config", config.toString(), "m:" + VIOVERLAY_ID);
        assertEquals(1, found.outLines().size(), found.toString());

        // nothing new: nothing reviewed again
        CommandRun third = CommandRun.lorebot("run", "--config", config.toString(), "--once");
        assertEquals(0, third.exit(), third.toString());
        assertEquals(1, Mail.maildir(dir.resolve("data/outbox")).size(), third.toString());
    }
}
