package org.lorebot.bot.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lorebot.bot.digest.Archive.diff;
import static org.lorebot.bot.digest.Archive.message;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lorebot.bot.crash.CrashPoint;
import org.lorebot.bot.delivery.FaultySmtpServer;

/**
 * The subscribe, confirm, digest and unsubscribe cycle run by real {@code lorebot digest}
 * processes, each in its own JVM, against GreenMail as the IMAP command mailbox and the SMTP
 * server. In each case the process dies (as by {@code kill -9}, through {@link CrashPoint}) at
 * one step boundary, every time it reaches it, and is restarted a minute later (and two hours
 * later when a delivery was interrupted). At the end the subscriber has exactly one
 * confirmation, one "subscribed" answer, one digest per day until unsubscribing and one
 * "unsubscribed" answer, and every command mail is marked read.
 */
class KilledCycleTest {

    private static final String MAINT = "maint@example.org";
    private static final String CONFIRMATION = "lorebot digest: confirm your subscription";
    private static final String SUBSCRIBED = "lorebot digest: subscribed";
    /** Subscribe: the confirmation goes out. */
    private static final Instant SUBSCRIBE = Instant.parse("2026-11-20T09:00:00Z");
    /** Confirm: the answer and the first digest (2026-11-20 08:00 to 11-21 08:00) go out. */
    private static final Instant CONFIRM = Instant.parse("2026-11-21T09:00:00Z");
    /** The next morning's digest (11-21 08:00 to 11-22 08:00). */
    private static final Instant NEXT_MORNING = Instant.parse("2026-11-22T08:30:00Z");
    /** Unsubscribe with the digest's token: one answer, and no digest the morning after. */
    private static final Instant LEAVE = Instant.parse("2026-11-22T12:00:00Z");
    private static final Instant AFTER_LEAVING = Instant.parse("2026-11-23T08:30:00Z");
    private static final String UNSUBSCRIBED = "lorebot digest: unsubscribed";

    @TempDir
    Path dir;

    private GreenMail mail;
    private int smtpPort;
    private int imapPort;

    @BeforeEach
    void start() throws Exception {
        mail = MailServers.start();
        smtpPort = mail.getSmtp().getPort();
        imapPort = mail.getImap().getPort();
        Files.writeString(dir.resolve("imap-password"), "s3cret\n");
        // the archive as it stands before the first run
        try (Archive archive = new Archive(dir)) {
            archive.post("dmaengine", message("old@x", "Dev <dev@example.net>", "dmaengine@vger.kernel.org",
                    "dmaengine: a question", SUBSCRIBE.minus(Duration.ofDays(1)), null, "How does this work?\n"));
        }
    }

    @AfterEach
    void stop() {
        mail.stop();
    }

    @ParameterizedTest(name = "killed at {0}")
    @ValueSource(strings = {"command-read", "command-carried-out", "command-answer-queued", "command-handled",
            "command-seen", "digest-recorded", "outbox-sending", "outbox-delivered", "outbox-sent"})
    void eachCommandIsCarriedOutAndEachMailArrivesOnceWhereverTheProcessIsKilled(String point) throws Exception {
        configure(smtpPort);
        int kills = cycle(point, this::greenMailReceived);
        assertTrue(kills > 0, "the cycle never reached " + point);
        assertExactlyOnce(greenMailReceived());
    }

    /** The server answers 250 to DATA, then resets the connection at QUIT: every time. */
    @ParameterizedTest(name = "killed at {0}")
    @ValueSource(strings = {"nowhere", "outbox-delivered"})
    void aConnectionBrokenAfterTheServerAcceptedTheMailSendsNothingTwice(String point) throws Exception {
        try (FaultySmtpServer server = new FaultySmtpServer(FaultySmtpServer.Fault.RESET_AT_QUIT, Duration.ZERO)) {
            configure(server.port());
            int kills = cycle(point, () -> parse(server.received()));
            assertEquals(point.equals("nowhere"), kills == 0);
            assertExactlyOnce(parse(server.received()));
        }
    }

    /**
     * SIGKILL from outside while the SMTP conversation is under way and the server has answered
     * nothing yet: the confirmation was not sent, and the next runs send it once.
     */
    @Test
    void killedMidConversationWithTheServerTheConfirmationIsSentOnceLater() throws Exception {
        send("subscribe", "lists: dmaengine\n", null);
        try (FaultySmtpServer server = new FaultySmtpServer(FaultySmtpServer.Fault.SLOW, Duration.ofSeconds(30))) {
            configure(server.port());
            Started started = start(null, SUBSCRIBE);
            for (int i = 0; i < 1200 && started.process().isAlive() && server.connections() == 0; i++) {
                Thread.sleep(100);
            }
            assertEquals(1, server.connections(), started.process().isAlive() ? "" : started.result().toString());
            started.process().destroyForcibly().waitFor(); // SIGKILL on Linux
            assertEquals(CrashPoint.STATUS, started.process().exitValue());
            assertEquals(List.of(), server.received());
        }
        // the operator points lorebot at a working server; the mail waits an hour, then goes once
        configure(smtpPort);
        Run again = lorebot(null, SUBSCRIBE.plus(Duration.ofMinutes(1)));
        assertTrue(again.out().contains("1 waiting to be retried"), again.toString());
        assertEquals(List.of(), toMaint(greenMailReceived()));
        assertEquals(0, lorebot(null, SUBSCRIBE.plus(Duration.ofHours(2))).exit());
        only(toMaint(greenMailReceived()), CONFIRMATION);
        assertEquals(1, toMaint(greenMailReceived()).size());
        assertEquals(0, unreadCommands());
    }

    private void configure(int botSmtpPort) throws IOException {
        Files.writeString(dir.resolve("lorebot.conf"), """
                [core]
                    data = data
                [inbox "dmaengine"]
                    url = https://lore.kernel.org/dmaengine
                [delivery]
                    mode = send
                    from = lorebot <lorebot@example.org>
                """ + MailServers.botSections(botSmtpPort, imapPort));
    }

    /** Subscribe, confirm, two digests; returns how many times the process was killed. */
    private int cycle(String point, Supplier<List<MimeMessage>> received) throws Exception {
        int kills = 0;
        send("subscribe", "subscribe\n\nlists: dmaengine\npaths: drivers/dma/\nhour: 8\n", null);
        kills += step(point, SUBSCRIBE);
        post("p1@x", SUBSCRIBE.plus(Duration.ofHours(1)));

        MimeMessage confirmation = only(toMaint(received.get()), CONFIRMATION);
        String quoted = Harness.text(confirmation).lines().map(l -> "> " + l + "\n").reduce("", String::concat);
        send("Re: " + confirmation.getSubject(), "Yes please.\n\n" + quoted, confirmation.getMessageID());
        kills += step(point, CONFIRM);
        post("p2@x", Instant.parse("2026-11-21T12:00:00Z"));

        kills += step(point, NEXT_MORNING);

        // the mail client follows the digest's List-Unsubscribe mailto:
        String header = only(toMaint(received.get()), "[lorebot daily digest] 2026-11-22")
                .getHeader("List-Unsubscribe", null);
        Matcher mailto = Pattern.compile("mailto:lorebot@example.org\\?subject=unsubscribe%20(lb1\\.[^>]+)>")
                .matcher(header);
        assertTrue(mailto.find(), header);
        send("unsubscribe " + mailto.group(1), "", null);
        kills += step(point, LEAVE);
        post("p3@x", LEAVE.plus(Duration.ofHours(3)));
        kills += step(point, AFTER_LEAVING);
        return kills;
    }

    /**
     * One {@code lorebot digest --now AT}, killed at {@code point} if it gets there; then restarted
     * a minute later, and two hours later when mail waits (an interrupted delivery is looked at
     * again after an hour).
     */
    private int step(String point, Instant at) throws Exception {
        Run first = lorebot(point, at);
        if (first.exit() == 0) {
            return 0;
        }
        assertEquals(CrashPoint.STATUS, first.exit(), first.toString());
        assertTrue(first.err().contains("crashing at " + point), first.toString());
        Run again = lorebot(null, at.plus(Duration.ofMinutes(1)));
        assertEquals(0, again.exit(), again.toString());
        if (again.out().contains("waiting to be retried")) {
            // a mail left mid-delivery is looked at again once the archive had its hour
            Run later = lorebot(null, at.plus(Duration.ofHours(2)));
            assertEquals(0, later.exit(), later.toString());
            assertFalse(later.out().contains("waiting to be retried"), later.toString());
        }
        return 1;
    }

    private void assertExactlyOnce(List<MimeMessage> all) throws Exception {
        List<MimeMessage> got = toMaint(all);
        List<String> subjects = new ArrayList<>();
        for (MimeMessage m : got) {
            subjects.add(m.getSubject());
        }
        assertEquals(5, got.size(), subjects.toString());
        only(got, CONFIRMATION);
        only(got, SUBSCRIBED);
        only(got, UNSUBSCRIBED);
        String first = Harness.text(only(got, "[lorebot daily digest] 2026-11-21"));
        assertTrue(first.contains("p1@x"), first);
        String second = Harness.text(only(got, "[lorebot daily digest] 2026-11-22"));
        assertTrue(second.contains("p2@x"), second);
        assertFalse(second.contains("p1@x"), second);
        HashSet<String> ids = new HashSet<>();
        for (MimeMessage m : got) {
            assertTrue(ids.add(m.getMessageID()), "sent twice: " + m.getMessageID());
        }
        assertEquals(0, unreadCommands(), "every command mail is marked read");
    }

    private static MimeMessage only(List<MimeMessage> mails, String subjectPrefix) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        List<String> subjects = new ArrayList<>();
        for (MimeMessage m : mails) {
            subjects.add(m.getSubject());
            if (m.getSubject().startsWith(subjectPrefix)) {
                found.add(m);
            }
        }
        assertEquals(1, found.size(), "'" + subjectPrefix + "' among " + subjects);
        return found.get(0);
    }

    private List<MimeMessage> greenMailReceived() {
        return List.of(mail.getReceivedMessages());
    }

    private static List<MimeMessage> parse(List<String> raw) {
        Session session = Session.getInstance(new Properties());
        List<MimeMessage> out = new ArrayList<>();
        for (String r : raw) {
            try {
                out.add(new MimeMessage(session, new ByteArrayInputStream(r.getBytes(StandardCharsets.UTF_8))));
            } catch (jakarta.mail.MessagingException e) {
                throw new AssertionError(e);
            }
        }
        return out;
    }

    private static List<MimeMessage> toMaint(List<MimeMessage> all) {
        List<MimeMessage> out = new ArrayList<>();
        try {
            for (MimeMessage m : all) {
                for (jakarta.mail.Address a : m.getRecipients(Message.RecipientType.TO)) {
                    if (((InternetAddress) a).getAddress().equalsIgnoreCase(MAINT)) {
                        out.add(m);
                    }
                }
            }
        } catch (jakarta.mail.MessagingException e) {
            throw new AssertionError(e);
        }
        return out;
    }

    private int unreadCommands() throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", imapPort, "lorebot", "s3cret");
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                return inbox.getUnreadMessageCount();
            } finally {
                inbox.close(false);
            }
        } finally {
            store.close();
        }
    }

    /** The subscriber mails the bot's command address. */
    private void send(String subject, String body, String inReplyTo) throws Exception {
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", "127.0.0.1");
        p.setProperty("mail.smtp.port", Integer.toString(smtpPort));
        MimeMessage m = new MimeMessage(Session.getInstance(p));
        m.setFrom(new InternetAddress(MAINT));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress("lorebot@example.org"));
        m.setSubject(subject);
        if (inReplyTo != null) {
            m.setHeader("In-Reply-To", inReplyTo);
        }
        m.setText(body, "utf-8");
        Transport.send(m);
    }

    /** A patch reaches the archive between two runs (no lorebot process is running). */
    private void post(String id, Instant date) throws IOException {
        try (Archive archive = new Archive(dir)) {
            archive.post("dmaengine", message(id, "Dev <dev@example.net>", "dmaengine@vger.kernel.org",
                    "[PATCH] dmaengine: " + id, date, null,
                    diff("drivers/dma/foo.c", "\tret = 0;", "\tbuf = dma_alloc_coherent(dev, 64, &h, GFP_DMA);")));
        }
    }

    private record Run(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    /** {@code lorebot digest --now AT} in a JVM of its own, killed at {@code point} if not null. */
    private Run lorebot(String point, Instant at) throws Exception {
        Started started = start(point, at);
        Process p = started.process();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("lorebot digest did not end: " + Files.readString(started.err()));
        }
        return started.result();
    }

    private record Started(Process process, Path out, Path err) {
        Run result() throws IOException {
            return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
        }
    }

    private Started start(String point, Instant at) throws IOException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m"));
        if (point != null) {
            command.add("-D" + CrashPoint.PROPERTY + "=" + point);
        }
        command.addAll(List.of("-cp", classPath, "org.lorebot.bot.cli.Lorebot",
                "digest", "--config", dir.resolve("lorebot.conf").toString(), "--now", at.toString()));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        return new Started(p, out, err);
    }
}
