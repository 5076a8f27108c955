package org.lorebot.bot.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lorebot.bot.delivery.MailRenderer;
import org.lorebot.bot.delivery.MaildirOutbox;
import org.lorebot.bot.delivery.RenderedMail;
import org.lorebot.bot.delivery.Secret;
import org.lorebot.bot.delivery.SmtpDelivery;
import org.lorebot.bot.delivery.SmtpSettings;
import org.lorebot.bot.review.OutgoingMail;
import org.lorebot.config.SmtpConfig.Security;
import org.lorebot.index.mail.Address;

/**
 * The outbox against a real SQLite file and a real SMTP server: crashes are simulated by
 * closing the store between steps and opening the file again, as a restarted bot would.
 */
class OutboxDispatcherTest {

    private static final Instant T0 = Instant.parse("2026-11-21T18:00:00Z");
    private static final RetrySchedule SCHEDULE =
            new RetrySchedule(Duration.ofMinutes(1), Duration.ofMinutes(30), 5, Duration.ofHours(1));

    @TempDir
    Path dir;

    private int port;
    private GreenMail server;
    private Path stateFile;

    @BeforeEach
    void setUp() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        server = newServer();
        server.start();
        stateFile = dir.resolve("state.sqlite");
    }

    private GreenMail newServer() {
        return new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withUser("lorebot@example.org", "lorebot", "pw"));
    }

    @AfterEach
    void tearDown() {
        server.stop();
    }

    private SmtpDelivery smtp(String password) {
        return new SmtpDelivery(new SmtpSettings("127.0.0.1", port, Security.NONE, Optional.of("lorebot"),
                Optional.of(Secret.of(password)), Duration.ofSeconds(5)));
    }

    private static RenderedMail mail(String id) {
        return new MailRenderer().render(new OutgoingMail(id, new Address("lorebot", "lorebot@example.org"),
                List.of(new Address("Dev", "dev@example.net")), List.of(new Address("", "linux-mm@kvack.org")),
                "Re: [PATCH] mm: x", "p1@example.net", List.of("p1@example.net"), T0, "lorebot test",
                "DMA001 (warning): something.\n"));
    }

    private static ReplyRecord reply(String replyId) {
        return new ReplyRecord("p1@example.net", "s", 1, "s#v1#1/1", replyId, "linux-mm", List.of("k"), T0);
    }

    /** Copies of the mail that reached the server, one per recipient. */
    private long copiesOf(String messageId) {
        return Stream.of(server.getReceivedMessages()).filter(m -> {
            try {
                return ("<" + messageId + ">").equals(m.getHeader("Message-ID", null));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).count();
    }

    private ArchiveCheck serverArchive() {
        return id -> copiesOf(id) > 0;
    }

    private static Clock at(Instant t) {
        return Clock.fixed(t, ZoneOffset.UTC);
    }

    @Test
    void queuedMailIsSentOnceEvenAfterACrashBeforeDelivery() {
        try (StateStore s = StateStore.open(stateFile, at(T0))) {
            s.recordReply(reply("r1@example.org"), mail("r1@example.org"));
        } // crash: queued, never sent
        try (StateStore s = StateStore.open(stateFile, at(T0))) {
            OutboxDispatcher d = new OutboxDispatcher(s, smtp("pw"), serverArchive(), SCHEDULE);
            assertEquals(new DispatchReport(1, 0, 0, 0, 0), d.dispatch(T0.plusSeconds(1)));
            assertEquals(new DispatchReport(0, 0, 0, 0, 0), d.dispatch(T0.plusSeconds(2)));
            assertEquals(OutboxStatus.SENT, s.outbox().entry("r1@example.org").orElseThrow().status());
        }
        assertTrue(server.waitForIncomingEmail(5000, 2));
        assertEquals(2, copiesOf("r1@example.org")); // one per recipient
    }

    @Test
    void serverDownThenUpIsRetriedWithBackoffAndSentOnce() throws Exception {
        server.stop();
        try (StateStore s = StateStore.open(stateFile, at(T0))) {
            s.recordReply(reply("r2@example.org"), mail("r2@example.org"));
            OutboxDispatcher d = new OutboxDispatcher(s, smtp("pw"), serverArchive(), SCHEDULE);
            assertEquals(new DispatchReport(0, 0, 1, 0, 0), d.dispatch(T0));
            OutboxEntry e = s.outbox().entry("r2@example.org").orElseThrow();
            assertEquals(OutboxStatus.PENDING, e.status());
            assertEquals(1, e.attempts());
            assertEquals(T0.plus(Duration.ofMinutes(1)), e.nextAttempt());
            assertTrue(e.lastError().orElseThrow().contains("127.0.0.1:" + port), e.lastError().get());

            assertEquals(new DispatchReport(0, 0, 0, 0, 0), d.dispatch(T0.plusSeconds(30))); // not due yet
            assertEquals(new DispatchReport(0, 0, 1, 0, 0), d.dispatch(T0.plus(Duration.ofMinutes(1))));
            assertEquals(T0.plus(Duration.ofMinutes(3)), s.outbox().entry("r2@example.org").orElseThrow().nextAttempt());

            server = newServer();
            server.start();
            assertEquals(new DispatchReport(1, 0, 0, 0, 0), d.dispatch(T0.plus(Duration.ofMinutes(3))));
            assertEquals(new DispatchReport(0, 0, 0, 0, 0), d.dispatch(T0.plus(Duration.ofMinutes(10))));
            assertEquals(3, s.outbox().entry("r2@example.org").orElseThrow().attempts());
        }
        assertTrue(server.waitForIncomingEmail(5000, 2));
        assertEquals(2, copiesOf("r2@example.org"));
    }

    @Test
    void crashAfterTheServerAcceptedIsRecognisedInTheArchive() throws Exception {
        try (StateStore s = StateStore.open(stateFile, at(T0))) {
            s.recordReply(reply("r3@example.org"), mail("r3@example.org"));
            s.outbox().markSending("r3@example.org", T0);
            smtp("pw").deliver(mail("r3@example.org"));
        } // crash before "sent" was committed
        assertTrue(server.waitForIncomingEmail(5000, 2));
        try (StateStore s = StateStore.open(stateFile, at(T0))) {
            OutboxDispatcher d = new OutboxDispatcher(s, smtp("pw"), serverArchive(), SCHEDULE);
            assertEquals(new DispatchReport(0, 1, 0, 0, 0), d.dispatch(T0.plus(Duration.ofHours(2))));
            assertEquals(OutboxStatus.SENT, s.outbox().entry("r3@example.org").orElseThrow().status());
        }
        assertEquals(2, copiesOf("r3@example.org"));
    }

    @Test
    void crashBeforeTheServerAcceptedWaitsForTheArchiveThenSendsOnce() {
        try (StateStore s = StateStore.open(stateFile, at(T0))) {
            s.recordReply(reply("r4@example.org"), mail("r4@example.org"));
            s.outbox().markSending("r4@example.org", T0);
        } // crash before the mail left
        try (StateStore s = StateStore.open(stateFile, at(T0))) {
            OutboxDispatcher d = new OutboxDispatcher(s, smtp("pw"), serverArchive(), SCHEDULE);
            assertEquals(new DispatchReport(0, 0, 0, 0, 1), d.dispatch(T0.plus(Duration.ofMinutes(5))));
            assertEquals(0, copiesOf("r4@example.org"));
            assertEquals(new DispatchReport(1, 0, 0, 0, 0), d.dispatch(T0.plus(Duration.ofHours(1))));
            assertEquals(new DispatchReport(0, 0, 0, 0, 0), d.dispatch(T0.plus(Duration.ofHours(2))));
        }
        assertTrue(server.waitForIncomingEmail(5000, 2));
        assertEquals(2, copiesOf("r4@example.org"));
    }

    @Test
    void refusedLoginFailsTheItemForGood() {
        try (StateStore s = StateStore.open(stateFile, at(T0))) {
            s.recordReply(reply("r5@example.org"), mail("r5@example.org"));
            OutboxDispatcher d = new OutboxDispatcher(s, smtp("wrong"), serverArchive(), SCHEDULE);
            assertEquals(new DispatchReport(0, 0, 0, 1, 0), d.dispatch(T0));
            OutboxEntry e = s.outbox().entry("r5@example.org").orElseThrow();
            assertEquals(OutboxStatus.FAILED, e.status());
            assertTrue(e.lastError().orElseThrow().contains("login"), e.lastError().get());
            assertEquals(new DispatchReport(0, 0, 0, 0, 0), d.dispatch(T0.plus(Duration.ofDays(1))));
        }
        assertEquals(0, server.getReceivedMessages().length);
    }

    @Test
    void dryRunOutboxNeverGetsASecondCopyAfterACrash() throws Exception {
        MaildirOutbox maildir = new MaildirOutbox(dir.resolve("outbox"), at(T0));
        try (StateStore s = StateStore.open(stateFile, at(T0))) {
            s.recordReply(reply("r6@example.org"), mail("r6@example.org"));
            s.outbox().markSending("r6@example.org", T0);
            maildir.deliver(mail("r6@example.org"));
        } // crash after the file was written
        try (StateStore s = StateStore.open(stateFile, at(T0))) {
            OutboxDispatcher d = new OutboxDispatcher(s, maildir, maildir::contains, SCHEDULE);
            assertEquals(new DispatchReport(0, 1, 0, 0, 0), d.dispatch(T0.plus(Duration.ofHours(3))));
        }
        try (Stream<Path> files = Files.list(dir.resolve("outbox/new"))) {
            assertEquals(1, files.count());
        }
        MimeMessage[] none = server.getReceivedMessages();
        assertEquals(0, none.length);
    }
}
