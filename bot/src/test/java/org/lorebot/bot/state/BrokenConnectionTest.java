package org.lorebot.bot.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lorebot.bot.delivery.FaultySmtpServer;
import org.lorebot.bot.delivery.FaultySmtpServer.Fault;
import org.lorebot.bot.delivery.MailRenderer;
import org.lorebot.bot.delivery.MaildirOutbox;
import org.lorebot.bot.delivery.RenderedMail;
import org.lorebot.bot.delivery.SendThenCopy;
import org.lorebot.bot.delivery.SmtpDelivery;
import org.lorebot.bot.delivery.SmtpSettings;
import org.lorebot.bot.review.OutgoingMail;
import org.lorebot.config.SmtpConfig.Security;
import org.lorebot.index.mail.Address;

/**
 * The outbox against SMTP servers that misbehave after (or while) accepting a mail, with the
 * real state file and outbox Maildir: each mail reaches the server exactly once, however long
 * the retries go on.
 */
class BrokenConnectionTest {

    private static final Instant T0 = Instant.parse("2026-11-21T18:00:00Z");
    private static final RetrySchedule SCHEDULE =
            new RetrySchedule(Duration.ofMinutes(1), Duration.ofMinutes(30), 24, Duration.ofHours(1));
    private static final String ID = "lorebot.accepted@example.org";

    @TempDir
    Path dir;

    private static RenderedMail mail() {
        return new MailRenderer().render(new OutgoingMail(ID, new Address("lorebot", "lorebot@example.org"),
                List.of(new Address("", "dev@example.net")), List.of(new Address("", "linux-mm@kvack.org")),
                "Re: [PATCH] mm: x", "p1@example.net", List.of("p1@example.net"), T0, "lorebot test",
                "DMA001 (warning): something.\n"));
    }

    private SendThenCopy delivery(FaultySmtpServer server, Duration timeout) {
        SmtpDelivery smtp = new SmtpDelivery(new SmtpSettings("127.0.0.1", server.port(), Security.NONE,
                Optional.empty(), Optional.empty(), timeout));
        return new SendThenCopy(smtp, new MaildirOutbox(dir.resolve("outbox"), Clock.fixed(T0, ZoneOffset.UTC)));
    }

    private StateStore queued() {
        StateStore s = StateStore.open(dir.resolve("state.sqlite"), Clock.fixed(T0, ZoneOffset.UTC));
        s.recordReply(new ReplyRecord("p1@example.net", "s", 1, "s#v1#1/1", ID, "linux-mm", List.of("k"), T0), mail());
        return s;
    }

    /** Dispatches every few minutes for a day, as the daemon's passes would. */
    private static void retryForADay(OutboxDispatcher d) {
        for (Instant t = T0.plus(Duration.ofMinutes(5)); t.isBefore(T0.plus(Duration.ofDays(1)));
             t = t.plus(Duration.ofMinutes(7))) {
            d.dispatch(t);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"RESET_AT_QUIT", "SILENT_AT_QUIT", "SLOW"})
    void mailTheServerAcceptedIsSentWhateverHappensAtQuit(Fault fault) throws Exception {
        try (FaultySmtpServer server = new FaultySmtpServer(fault, Duration.ofMillis(300));
             StateStore s = queued()) {
            SendThenCopy delivery = delivery(server, Duration.ofSeconds(5));
            OutboxDispatcher d = new OutboxDispatcher(s, delivery, delivery::delivered, SCHEDULE);

            assertEquals(new DispatchReport(1, 0, 0, 0, 0), d.dispatch(T0));
            assertEquals(OutboxStatus.SENT, s.outbox().entry(ID).orElseThrow().status());
            retryForADay(d);
            assertEquals(1, server.count(ID));
        }
    }

    @Test
    void mailWhoseAnswerNeverCameWaitsForTheArchiveInsteadOfGoingAgain() throws Exception {
        try (FaultySmtpServer server = new FaultySmtpServer(Fault.LATE_ACCEPT, Duration.ofSeconds(3));
             StateStore s = queued()) {
            SendThenCopy delivery = delivery(server, Duration.ofSeconds(1));
            // the list archive: what the server took in reaches it
            OutboxDispatcher d = new OutboxDispatcher(s, delivery,
                    id -> delivery.delivered(id) || server.count(id) > 0, SCHEDULE);

            assertEquals(new DispatchReport(0, 0, 0, 0, 1), d.dispatch(T0));
            assertEquals(OutboxStatus.SENDING, s.outbox().entry(ID).orElseThrow().status());
            retryForADay(d);
            assertEquals(1, server.count(ID));
            assertEquals(OutboxStatus.SENT, s.outbox().entry(ID).orElseThrow().status());
        }
    }

    @Test
    void mailWithNoKnownOutcomeIsNotSentAgainWithinTheArchiveLag() throws Exception {
        try (FaultySmtpServer server = new FaultySmtpServer(Fault.LATE_ACCEPT, Duration.ofSeconds(3));
             StateStore s = queued()) {
            SendThenCopy delivery = delivery(server, Duration.ofSeconds(1));
            // an archive that never shows it (a reply to the author alone)
            OutboxDispatcher d = new OutboxDispatcher(s, delivery, delivery::delivered, SCHEDULE);

            assertEquals(new DispatchReport(0, 0, 0, 0, 1), d.dispatch(T0));
            assertEquals(new DispatchReport(0, 0, 0, 0, 1), d.dispatch(T0.plus(Duration.ofMinutes(59))));
            assertEquals(1, server.count(ID));
        }
    }
}
