package org.lorebot.bot.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lorebot.bot.cli.CommandRun;
import org.lorebot.bot.cli.SmartGitServer;
import org.lorebot.index.MailIndex;
import org.lorebot.index.store.StoredMessage;

/**
 * {@code lorebot run --once} end to end with real parts: a public-inbox archive served over git's
 * smart HTTP on loopback, real list mail (the Feb-2022 "Don't use kmalloc() with GFP_DMA"
 * discussion as history, a Nintendo 64 patch with a finding as new mail), a real Lucene index and
 * SQLite state, and replies sent to a GreenMail SMTP server. Time is the test's clock, so grace
 * times and retry delays pass without waiting.
 */
class ReviewEndToEndTest {

    private static final Instant FIRST_RUN = Instant.parse("2026-11-21T18:00:00Z");
    private static final String[] HISTORY = {
            "001-bhe-00-cover-dont-use-kmalloc-gfp-dma.eml", "002-bhe-02-moxa-dma-alloc-coherent.eml",
            "009-bhe-19-rocker-dma-alloc-noncoherent.eml", "011-bhe-21-wbsd-dma-alloc-noncoherent.eml",
            "012-bhe-re14-hch-looks-good.eml", "015-bhe-re00-heiko-s390-gfp-dma.eml",
            "016-bhe-re00-hch-answer-heiko.eml", "017-bhe-re21-hch-wbsd.eml"};
    /** [PATCH 6/6 v2] block: Add n64 cart driver: kmalloc(BUFSIZE, GFP_DMA | GFP_KERNEL). */
    private static final String CART = "022-n64-cart-v2-kmalloc-gfp-dma.eml";
    private static final String CART_ID = "20210104195611.61997e86092b3559c95f36fc@gmx.com";
    /** [PATCH 3/6] fbdev: Add n64rdp driver: dma_alloc_coherent(..., GFP_DMA | GFP_KERNEL). */
    private static final String FBDEV_ID = "20201225190048.776de55443fd4c953e797d8e@gmx.com";
    private static final Pattern OWN_ID = Pattern.compile("<lorebot\\.[0-9a-f]{16,}@example\\.org>");

    @TempDir
    Path dir;

    private TestClock clock;
    private ServedInbox inbox;
    private SmartGitServer git;
    private GreenMail smtp;
    private int smtpPort;
    private Path config;

    @BeforeEach
    void serveTheArchiveAndStartSmtp() throws Exception {
        clock = new TestClock(FIRST_RUN);
        Path web = dir.resolve("web");
        inbox = ServedInbox.create(web.resolve("lkml"));
        for (String f : HISTORY) {
            inbox.deliver(Mail.labelled(f));
        }
        git = new SmartGitServer(web);
        smtpPort = freePort();
        smtp = startSmtp();
        config = Files.writeString(dir.resolve("lorebot.conf"), """
                [core]
                    data = data
                [inbox "lkml"]
                    url = %s/lkml
                    address = linux-kernel@vger.kernel.org
                [review]
                    lists = lkml
                [delivery]
                    mode = send
                    from = lorebot <lorebot@example.org>
                [smtp]
                    host = 127.0.0.1
                    port = %d
                    security = none
                """.formatted(git.baseUrl(), smtpPort));
    }

    @AfterEach
    void stop() {
        smtp.stop();
        git.close();
    }

    private GreenMail startSmtp() {
        GreenMail server = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    private CommandRun runOnce(Instant at) {
        clock.set(at);
        CommandRun run = CommandRun.lorebot(clock, "run", "--config", config.toString(), "--once");
        assertEquals(0, run.exit(), run.toString());
        return run;
    }

    private void post(String file, Instant at) throws IOException {
        inbox.deliver(Mail.postedAt(Mail.labelled(file), at));
    }

    @Test
    void firstRunAnswersNothingThenANewPatchGetsOneThreadedReplyBySmtp() throws Exception {
        CommandRun first = runOnce(FIRST_RUN);
        assertTrue(first.out().contains("lkml: git/0.git cloned from " + git.baseUrl() + "/lkml/git/0.git"), first.toString());
        assertTrue(first.out().contains("lkml: added " + HISTORY.length + ", removed 0,"), first.toString());
        assertTrue(first.out().contains("lorebot: first run: the archives' history is indexed, not reviewed"), first.toString());
        assertTrue(first.out().contains("lkml: " + HISTORY.length + " new messages, 0 reviews queued"), first.toString());
        assertEquals(0, smtp.getReceivedMessages().length);

        // new mail on the list: the RFC's cover letter, the cart driver patch, a review quoting it
        post("018-n64-rfc-cover.eml", FIRST_RUN.plus(Duration.ofMinutes(30)));
        post(CART, FIRST_RUN.plus(Duration.ofMinutes(31)));
        post("023-n64-cart-v2-re-kbusch.eml", FIRST_RUN.plus(Duration.ofMinutes(40)));

        // past the grace time the incomplete series is reviewed
        CommandRun second = runOnce(FIRST_RUN.plus(Duration.ofMinutes(45)));
        assertTrue(Pattern.compile("lkml: git/0\\.git fetched [0-9a-f]{12}\\.\\.[0-9a-f]{12}\n").matcher(second.out()).find(),
                second.toString());
        assertTrue(second.out().contains("lkml: 3 new messages, 1 review queued"), second.toString());

        MimeMessage[] received = smtp.getReceivedMessages();
        Set<String> recipients = Set.of("cand@gmx.com", "linux-kernel@vger.kernel.org", "linux-mips@vger.kernel.org",
                "tsbogend@alpha.franken.de", "axboe@kernel.dk", "linux-block@vger.kernel.org", "kbusch@kernel.org");
        assertEquals(recipients.size(), received.length, "one copy per recipient, of one reply");
        Set<String> ids = new TreeSet<>();
        for (MimeMessage m : received) {
            ids.add(m.getHeader("Message-ID", null));
        }
        assertEquals(1, ids.size(), ids.toString());
        for (String r : recipients) {
            var user = smtp.getUserManager().getUserByEmail(r);
            assertEquals(1, smtp.getManagers().getImapHostManager().getInbox(user).getMessageCount(), r);
        }

        MimeMessage reply = received[0];
        assertEquals("Re: [PATCH 6/6 v2] block: Add n64 cart driver", reply.getSubject());
        assertEquals("<" + CART_ID + ">", reply.getHeader("In-Reply-To", null));
        // the patch was sent unthreaded: its own Message-ID is the whole chain
        assertEquals("<" + CART_ID + ">", MimeUtility.unfold(reply.getHeader("References", null)).strip());
        assertEquals("Lauri Kasanen <cand@gmx.com>", reply.getHeader("To", null));
        // the original To and Cc, then the list the bot read it on
        assertEquals(List.of("linux-mips@vger.kernel.org", "tsbogend@alpha.franken.de", "axboe@kernel.dk",
                "linux-block@vger.kernel.org", "Keith Busch <kbusch@kernel.org>", "linux-kernel@vger.kernel.org"),
                addresses(reply.getRecipients(jakarta.mail.Message.RecipientType.CC)));
        assertEquals("auto-generated", reply.getHeader("Auto-Submitted", null));
        assertEquals("lorebot <lorebot@example.org>", reply.getHeader("From", null));
        String messageId = reply.getHeader("Message-ID", null);
        assertTrue(OWN_ID.matcher(messageId).matches(), messageId);

        String body = Mail.body(reply);
        for (String line : body.split("\n")) {
            assertTrue(line.length() <= 72 || line.startsWith("> +"), "longer than 72 columns: " + line);
        }
        // only the line concerned is quoted, not the whole new driver
        List<String> quoted = body.lines().filter(l -> l.startsWith(">")).toList();
        assertEquals(List.of("> +\tbuf = kmalloc(BUFSIZE, GFP_DMA | GFP_KERNEL);"), quoted);
        assertTrue(body.contains("DMA008"), body);
        assertCitationsExist(body, git.baseUrl() + "/lkml/", 1);

        // the outbox Maildir keeps a copy, with the same deterministic Message-ID
        List<MimeMessage> copies = Mail.maildir(dir.resolve("data/outbox"));
        assertEquals(1, copies.size());
        assertEquals(messageId, copies.get(0).getHeader("Message-ID", null));

        // a restart finds nothing new and sends nothing again
        CommandRun third = runOnce(FIRST_RUN.plus(Duration.ofMinutes(50)));
        assertFalse(third.out().contains("review queued"), third.toString());
        assertEquals(recipients.size(), smtp.getReceivedMessages().length);
    }

    @Test
    void aReplyWrittenWhileTheSmtpServerIsDownIsSentOnceItIsBack() throws Exception {
        runOnce(FIRST_RUN);
        post("019-n64-fbdev-n64rdp-driver.eml", FIRST_RUN.plus(Duration.ofMinutes(30)));
        smtp.stop();

        CommandRun down = runOnce(FIRST_RUN.plus(Duration.ofMinutes(45)));
        assertTrue(down.out().contains("lkml: 1 new message, 1 review queued"), down.toString());
        assertTrue(down.out().contains("outbox: 0 sent by SMTP to 127.0.0.1:" + smtpPort), down.toString());
        assertTrue(down.out().contains("1 to retry"), down.toString());

        smtp = startSmtp();
        // the retry is due a minute after the failure; before that nothing goes
        CommandRun early = runOnce(FIRST_RUN.plus(Duration.ofMinutes(45)).plusSeconds(20));
        assertTrue(early.out().contains("1 waiting to go"), early.toString());
        assertEquals(0, smtp.getReceivedMessages().length);

        CommandRun back = runOnce(FIRST_RUN.plus(Duration.ofMinutes(47)));
        assertTrue(back.out().contains("outbox: 1 sent by SMTP"), back.toString());
        MimeMessage[] received = smtp.getReceivedMessages();
        // the author, the list, and the patch's original To and Cc
        assertEquals(4, received.length, received.length + " copies");
        Set<String> ids = new TreeSet<>();
        for (MimeMessage m : received) {
            ids.add(m.getHeader("Message-ID", null));
            assertEquals("<" + FBDEV_ID + ">", m.getHeader("In-Reply-To", null));
        }
        assertEquals(1, ids.size(), ids.toString());

        runOnce(FIRST_RUN.plus(Duration.ofMinutes(60)));
        assertEquals(received.length, smtp.getReceivedMessages().length);
    }

    /** Every "Earlier discussion" link is the inbox URL and a Message-ID that the archive holds. */
    private void assertCitationsExist(String body, String inboxUrl, int atLeast) throws IOException {
        int start = body.indexOf("Earlier discussion:");
        assertTrue(start > 0, body);
        int end = body.indexOf("\nReferences:", start);
        Matcher m = Pattern.compile(Pattern.quote(inboxUrl) + "([^/\\s]+)/").matcher(body.substring(start, end < 0 ? body.length() : end));
        List<String> cited = new ArrayList<>();
        try (MailIndex index = MailIndex.open(dir.resolve("data"))) {
            while (m.find()) {
                StoredMessage s = index.message(m.group(1)).orElseThrow(
                        () -> new AssertionError("cited but not in the archive: " + m.group()));
                assertEquals("lkml", s.list());
                cited.add(m.group(1));
            }
        }
        assertTrue(cited.size() >= atLeast, body);
    }

    private static List<String> addresses(Address[] addresses) {
        List<String> out = new ArrayList<>();
        for (Address a : addresses) {
            out.add(a.toString());
        }
        return out;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
