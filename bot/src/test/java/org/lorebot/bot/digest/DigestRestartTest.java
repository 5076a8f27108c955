package org.lorebot.bot.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lorebot.bot.digest.Archive.diff;
import static org.lorebot.bot.digest.Archive.message;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lorebot.bot.delivery.FaultySmtpServer;
import org.lorebot.bot.delivery.MailDelivery;
import org.lorebot.bot.delivery.MaildirOutbox;
import org.lorebot.bot.delivery.SendThenCopy;
import org.lorebot.bot.delivery.SmtpDelivery;
import org.lorebot.bot.delivery.SmtpSettings;
import org.lorebot.bot.state.OutboxDispatcher;
import org.lorebot.bot.state.RetrySchedule;
import org.lorebot.bot.state.StateStore;
import org.lorebot.config.SmtpConfig.Security;

/** The process dies in the middle of sending digests; the next run neither skips nor repeats one. */
class DigestRestartTest {

    private static final String TWO = """
            [subscriber "a@example.org"]
                lists = dmaengine
            [subscriber "b@example.org"]
                lists = dmaengine
            """;
    private static final Instant RUN = Instant.parse("2026-11-20T09:00:00Z");

    @TempDir
    Path dir;

    private static void post(Harness h, String id, Instant date) throws Exception {
        h.archive.post("dmaengine", message(id, "Dev <dev@example.net>", "dmaengine@vger.kernel.org",
                "[PATCH] dmaengine: " + id, date, null,
                diff("drivers/dma/foo.c", "\tret = 0;", "\tbuf = kmalloc(64, GFP_KERNEL);")));
    }

    /** A run whose delivery is {@code delivery} instead of the configured one. */
    private static RunReport runWith(Harness h, StateStore store, MailDelivery delivery, Instant now) {
        MaildirOutbox real = h.delivery(now);
        OutboxDispatcher dispatcher = new OutboxDispatcher(store, delivery, real::delivered,
                RetrySchedule.standard());
        DigestRunner runner = new DigestRunner(store, h.archive.index(), h.config.subscribers(), Optional::empty,
                DigestServices.subscriptionManager(h.config, store),
                new DigestMail(DigestServices.identity(h.config), h.config.digest().webUrl(), new ArchiveLinks(Map.of())),
                dispatcher);
        return runner.runDue(now);
    }

    @Test
    void dyingBeforeTheSecondDigestLeftSendsItOnceAfterTheRestart() throws Exception {
        try (Harness h = new Harness(dir, TWO)) {
            post(h, "p1@x", RUN.minus(Duration.ofHours(5)));
            try (StateStore store = h.openState(RUN)) {
                MaildirOutbox real = h.delivery(RUN);
                AtomicInteger n = new AtomicInteger();
                MailDelivery dying = mail -> {
                    if (n.incrementAndGet() == 2) {
                        throw new IllegalStateException("power cut");
                    }
                    real.deliver(mail);
                };
                assertThrows(IllegalStateException.class, () -> runWith(h, store, dying, RUN));
            }
            assertEquals(1, h.delivered().size());

            // Restarted ten minutes later: nothing is built again; the interrupted mail waits for
            // the archive lag, as the outbox does for every interrupted delivery.
            RunReport soon = h.run(RUN.plus(Duration.ofMinutes(10)));
            assertEquals(0, soon.due());
            assertEquals(1, soon.dispatched().orElseThrow().waiting());
            assertEquals(1, h.delivered().size());

            RunReport later = h.run(RUN.plus(Duration.ofHours(2)));
            assertEquals(1, later.dispatched().orElseThrow().sent());
            assertEquals(1, h.deliveredTo("a@example.org").size());
            assertEquals(1, h.deliveredTo("b@example.org").size());

            post(h, "p2@x", RUN.plus(Duration.ofHours(3)));
            h.run(RUN.plus(Duration.ofDays(1)));
            assertEquals(2, h.deliveredTo("a@example.org").size());
            assertEquals(2, h.deliveredTo("b@example.org").size());
            assertTrue(Harness.text(h.deliveredTo("b@example.org").get(1)).contains("p2@x"));
        }
    }

    @Test
    void dyingAfterADigestLeftButBeforeItWasMarkedSentDoesNotSendItAgain() throws Exception {
        try (Harness h = new Harness(dir, TWO)) {
            post(h, "p1@x", RUN.minus(Duration.ofHours(5)));
            try (StateStore store = h.openState(RUN)) {
                MaildirOutbox real = h.delivery(RUN);
                MailDelivery diesAfterDelivering = mail -> {
                    real.deliver(mail);
                    throw new IllegalStateException("power cut");
                };
                assertThrows(IllegalStateException.class, () -> runWith(h, store, diesAfterDelivering, RUN));
            }
            assertEquals(1, h.delivered().size());
            RunReport restart = h.run(RUN.plus(Duration.ofMinutes(1)));
            assertEquals(1, restart.dispatched().orElseThrow().recovered());
            assertEquals(1, restart.dispatched().orElseThrow().sent());
            assertEquals(1, h.deliveredTo("a@example.org").size());
            assertEquals(1, h.deliveredTo("b@example.org").size());
        }
    }

    @Test
    void digestsTheServerAcceptedAreSentOnceThoughTheConnectionBreaksAtQuit() throws Exception {
        try (Harness h = new Harness(dir, TWO);
             FaultySmtpServer server = new FaultySmtpServer(FaultySmtpServer.Fault.RESET_AT_QUIT, Duration.ZERO)) {
            post(h, "p1@x", RUN.minus(Duration.ofHours(5)));
            SmtpDelivery smtp = new SmtpDelivery(new SmtpSettings("127.0.0.1", server.port(), Security.NONE,
                    Optional.empty(), Optional.empty(), Duration.ofSeconds(5)));
            // every run for a day, each a fresh process: state opened anew, the same server
            for (Instant now = RUN; now.isBefore(RUN.plus(Duration.ofHours(23))); now = now.plus(Duration.ofHours(1))) {
                try (StateStore store = h.openState(now)) {
                    runWith(h, store, new SendThenCopy(smtp, h.delivery(now)), now);
                }
            }
            assertEquals(2, server.received().size(), "one digest each for a@ and b@");
            assertEquals(1, server.received().stream().filter(m -> m.contains("To: a@example.org")).count());
            assertEquals(1, server.received().stream().filter(m -> m.contains("To: b@example.org")).count());
        }
    }
}
