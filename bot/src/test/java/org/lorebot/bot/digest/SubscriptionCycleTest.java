package org.lorebot.bot.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lorebot.bot.digest.Archive.diff;
import static org.lorebot.bot.digest.Archive.message;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lorebot.bot.delivery.Deliveries;
import org.lorebot.bot.state.StateStore;
import org.lorebot.bot.state.Subscription;
import org.lorebot.bot.state.SubscriptionStatus;
import org.lorebot.bot.subscription.DigestKey;
import org.lorebot.bot.subscription.Outcome;
import org.lorebot.bot.subscription.TokenPurpose;
import org.lorebot.bot.subscription.TokenSigner;

/**
 * The whole cycle by real mail, GreenMail being the SMTP server the bot sends through and the
 * IMAP server holding its command mailbox: subscribe, confirm, receive a digest, unsubscribe.
 */
class SubscriptionCycleTest {

    private static final Pattern TOKEN_LINE = Pattern.compile("(?m)^(confirm|unsubscribe) (lb1\\.\\S+)$");
    private static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");

    @TempDir
    Path dir;

    private GreenMail mail;
    private int smtpPort;
    private Harness h;

    @BeforeEach
    void start() throws Exception {
        mail = MailServers.start();
        smtpPort = mail.getSmtp().getPort();
        int imapPort = mail.getImap().getPort();
        Files.writeString(dir.resolve("imap-password"), "s3cret\n");
        h = new Harness(dir, """
                [delivery]
                    mode = send
                """ + MailServers.botSections(smtpPort, imapPort));
    }

    @AfterEach
    void stop() throws Exception {
        h.close();
        mail.stop();
    }

    /** One pass of the bot: read the command mailbox, send what is due and queued. */
    private RunReport bot(Instant now) throws Exception {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        try (StateStore store = h.openState(now)) {
            DigestServices services = DigestServices.create(h.config, store, h.archive.index(),
                    Deliveries.of(h.config.delivery(), h.config.smtp(), System.getenv(), clock), clock);
            services.readCommands(now);
            return services.runner().runDue(now);
        }
    }

    private Subscription subscription(String address, Instant now) {
        try (StateStore store = h.openState(now)) {
            return store.subscriptions().get(address).orElseThrow();
        }
    }

    /** A person sends mail to the bot (From may be anything: SMTP does not check it). */
    private void send(String from, String subject, String body, String inReplyTo) throws Exception {
        send(from, subject, body, inReplyTo, null);
    }

    private void send(String from, String subject, String body, String inReplyTo, String autoSubmitted)
            throws Exception {
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", "127.0.0.1");
        p.setProperty("mail.smtp.port", Integer.toString(smtpPort));
        MimeMessage m = new MimeMessage(Session.getInstance(p));
        m.setFrom(new InternetAddress(from));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress("lorebot@example.org"));
        m.setSubject(subject);
        if (inReplyTo != null) {
            m.setHeader("In-Reply-To", inReplyTo);
        }
        if (autoSubmitted != null) {
            m.setHeader("Auto-Submitted", autoSubmitted);
        }
        m.setText(body, "utf-8");
        Transport.send(m);
    }

    /** What reached one address, in arrival order. */
    private List<MimeMessage> inbox(String address) throws Exception {
        List<MimeMessage> out = new ArrayList<>();
        for (MimeMessage m : mail.getReceivedMessages()) {
            for (jakarta.mail.Address a : m.getAllRecipients()) {
                if (((InternetAddress) a).getAddress().equalsIgnoreCase(address)) {
                    out.add(m);
                }
            }
        }
        return out;
    }

    private static MimeMessage bySubject(List<MimeMessage> mails, String prefix) throws Exception {
        for (MimeMessage m : mails) {
            if (m.getSubject().startsWith(prefix)) {
                return m;
            }
        }
        throw new AssertionError("no mail with a subject starting '" + prefix + "'");
    }

    private static String token(MimeMessage m, String kind) throws Exception {
        Matcher t = TOKEN_LINE.matcher(Harness.text(m));
        assertTrue(t.find() && t.group(1).equals(kind), Harness.text(m));
        return t.group(2);
    }

    private static String quote(MimeMessage m) throws Exception {
        return Harness.text(m).lines().map(l -> "> " + l).reduce("", (a, b) -> a + b + "\n");
    }

    private void postPatch(String id, Instant date) throws Exception {
        h.archive.post("dmaengine", message(id, "Dev <dev@example.net>", "dmaengine@vger.kernel.org",
                "[PATCH] dmaengine: " + id, date, null,
                diff("drivers/dma/foo.c", "\tret = 0;", "\tbuf = dma_alloc_coherent(dev, 64, &h, GFP_DMA);")));
    }

    @Test
    void subscribeConfirmReceiveUnsubscribe() throws Exception {
        String maint = "maint@example.org";
        send(maint, "subscribe", "subscribe\n\nlists: dmaengine\npaths: drivers/dma/\nhour: 8\n", null);
        bot(T0);
        List<MimeMessage> got = inbox(maint);
        assertEquals(1, got.size());
        MimeMessage confirmation = got.get(0);
        assertEquals("lorebot digest: confirm your subscription", confirmation.getSubject());
        assertEquals(SubscriptionStatus.PENDING, subscription(maint, T0).status());

        // Nothing is sent before the confirmation, even when a digest would be due.
        postPatch("before@x", T0.plus(Duration.ofHours(1)));
        bot(T0.plus(Duration.ofDays(1)));
        assertEquals(1, inbox(maint).size());

        Instant replied = T0.plus(Duration.ofDays(1)).plus(Duration.ofHours(1));
        send(maint, "Re: " + confirmation.getSubject(), "Yes please.\n\n" + quote(confirmation),
                confirmation.getMessageID());
        bot(replied);
        assertEquals(SubscriptionStatus.ACTIVE, subscription(maint, replied).status());
        // the answer, and at once the first digest: the day before the latest 08:00
        List<MimeMessage> now = inbox(maint);
        assertEquals(3, now.size());
        MimeMessage answer = bySubject(now, "lorebot digest: subscribed");
        assertTrue(Harness.text(answer).contains(maint + " is now subscribed"), Harness.text(answer));
        MimeMessage first = bySubject(now, "[lorebot daily digest] 2026-11-21");
        assertTrue(Harness.text(first).contains("before@x"), Harness.text(first));

        postPatch("p1@x", replied.plus(Duration.ofHours(1)));
        Instant nextMorning = Instant.parse("2026-11-22T08:05:00Z");
        RunReport r = bot(nextMorning);
        assertEquals(1, r.queued());
        MimeMessage digest = inbox(maint).get(3);
        assertTrue(digest.getSubject().startsWith("[lorebot daily digest] 2026-11-22"), digest.getSubject());
        String body = Harness.text(digest);
        assertTrue(body.contains("https://lore.kernel.org/dmaengine/p1@x/"), body);
        assertFalse(body.contains("before@x"), body);
        String listUnsubscribe = digest.getHeader("List-Unsubscribe", null);
        assertEquals("List-Unsubscribe=One-Click", digest.getHeader("List-Unsubscribe-Post", null));

        // The mail client follows the mailto: of List-Unsubscribe.
        Matcher mailto = Pattern.compile("mailto:lorebot@example.org\\?subject=unsubscribe%20(lb1\\.[^>]+)>")
                .matcher(listUnsubscribe);
        assertTrue(mailto.find(), listUnsubscribe);
        send(maint, "unsubscribe " + mailto.group(1), "", null);
        Instant left = nextMorning.plus(Duration.ofHours(1));
        bot(left);
        assertEquals(SubscriptionStatus.UNSUBSCRIBED, subscription(maint, left).status());
        assertEquals("lorebot digest: unsubscribed", inbox(maint).get(4).getSubject());

        postPatch("p2@x", left.plus(Duration.ofHours(1)));
        bot(Instant.parse("2026-11-23T08:05:00Z"));
        assertEquals(5, inbox(maint).size(), "no digest after unsubscribing");
    }

    @Test
    void aStrangerCannotSubscribeSomeoneElse() throws Exception {
        String victim = "victim@example.org";
        String stranger = "stranger@evil.example";
        // SMTP lets anyone write any From: the confirmation still goes to that address only.
        send(victim, "subscribe", "lists: dmaengine\n", null);
        send(stranger, "subscribe", "lists: dmaengine\n", null);
        bot(T0);
        assertEquals(1, inbox(victim).size());
        assertEquals(1, inbox(stranger).size());
        String strangersToken = token(inbox(stranger).get(0), "confirm");

        // The stranger's own token confirms the stranger, never the victim.
        send(stranger, "confirm", "confirm " + strangersToken + "\nlists: dmaengine\nvictim@example.org\n", null);
        // A token made up for the victim is refused.
        TokenSigner other = new TokenSigner(DigestKey.of("not the bot's key, sixteen+ bytes".getBytes()));
        String forged = other.issue(TokenPurpose.CONFIRM, victim, T0, T0.plus(Duration.ofDays(3)));
        send(stranger, "confirm", "confirm " + forged + "\n", null);
        Instant later = T0.plus(Duration.ofMinutes(5));
        bot(later);

        assertEquals(SubscriptionStatus.PENDING, subscription(victim, later).status());
        assertEquals(SubscriptionStatus.ACTIVE, subscription(stranger, later).status());
        assertEquals(1, inbox(victim).size(), "the victim only ever got the one confirmation");
        List<MimeMessage> toStranger = inbox(stranger);
        assertEquals(3, toStranger.size());
        assertTrue(Harness.text(toStranger.get(2)).contains("not one lorebot made"), Harness.text(toStranger.get(2)));
        assertFalse(Harness.text(toStranger.get(2)).contains(victim));

        postPatch("p1@x", later.plus(Duration.ofHours(1)));
        bot(Instant.parse("2026-11-21T08:05:00Z"));
        assertEquals(1, inbox(victim).size(), "no digest to an address that never confirmed");
    }

    @Test
    void anExpiredConfirmationIsRefused() throws Exception {
        String maint = "slow@example.org";
        send(maint, "subscribe", "lists: dmaengine\n", null);
        bot(T0);
        MimeMessage confirmation = inbox(maint).get(0);
        send(maint, "Re: " + confirmation.getSubject(), quote(confirmation), confirmation.getMessageID());
        Instant tooLate = T0.plus(h.config.digest().tokenLifetime()).plus(Duration.ofMinutes(1));
        bot(tooLate);
        assertEquals(SubscriptionStatus.PENDING, subscription(maint, tooLate).status());
        assertTrue(Harness.text(inbox(maint).get(1)).contains("expired"), Harness.text(inbox(maint).get(1)));
    }

    @Test
    void unsubscribeWithoutTokenAsksTheSubscriberFirst() throws Exception {
        String maint = "maint@example.org";
        send(maint, "subscribe", "lists: dmaengine\n", null);
        bot(T0);
        MimeMessage confirmation = inbox(maint).get(0);
        send(maint, "Re: confirm", quote(confirmation), null);
        bot(T0.plus(Duration.ofMinutes(1)));
        // a forged "unsubscribe" in the subscriber's name only produces a question to them
        send(maint, "unsubscribe", "", null);
        bot(T0.plus(Duration.ofMinutes(2)));
        assertEquals(SubscriptionStatus.ACTIVE, subscription(maint, T0.plus(Duration.ofMinutes(2))).status());
        MimeMessage question = inbox(maint).get(2);
        assertEquals("lorebot digest: confirm unsubscribing", question.getSubject());
        send(maint, "Re: " + question.getSubject(), quote(question), question.getMessageID());
        bot(T0.plus(Duration.ofMinutes(3)));
        assertEquals(SubscriptionStatus.UNSUBSCRIBED, subscription(maint, T0.plus(Duration.ofMinutes(3))).status());
    }

    @Test
    void oneClickUnsubscribeByTheWebServersHandler() throws Exception {
        String maint = "maint@example.org";
        send(maint, "subscribe", "lists: dmaengine\n", null);
        bot(T0);
        send(maint, "Re: confirm", quote(inbox(maint).get(0)), null);
        bot(T0.plus(Duration.ofMinutes(1)));
        postPatch("p1@x", T0.plus(Duration.ofHours(1)));
        bot(Instant.parse("2026-11-21T08:05:00Z"));
        String header = inbox(maint).get(2).getHeader("List-Unsubscribe", null);
        Matcher url = Pattern.compile("<https://lorebot.example.org/unsubscribe/(lb1\\.[^>]+)>").matcher(header);
        assertTrue(url.find(), header);
        String token = url.group(1);
        Instant click = Instant.parse("2026-11-21T09:00:00Z");
        try (StateStore store = h.openState(click)) {
            var manager = DigestServices.subscriptionManager(h.config, store);
            // GET shows what would happen and changes nothing (link scanners fetch links)
            assertEquals(new Outcome(Outcome.Result.UNSUBSCRIBED, maint), manager.previewUnsubscribe(token, click));
            assertTrue(store.subscriptions().get(maint).orElseThrow().active());
            // POST (RFC 8058 one-click) acts
            assertEquals(new Outcome(Outcome.Result.UNSUBSCRIBED, maint), manager.unsubscribe(token, click));
            assertEquals(new Outcome(Outcome.Result.NOT_SUBSCRIBED, maint), manager.unsubscribe(token, click));
            String tampered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
            assertEquals(Outcome.Result.FORGED, manager.unsubscribe(tampered, click).result());
            assertEquals(Outcome.Result.EXPIRED, manager.unsubscribe(token,
                    click.plus(h.config.digest().unsubscribeLifetime())).result());
        }
    }

    @Test
    void automaticMailAndMailWithoutACommandAreNotAnswered() throws Exception {
        send("vacation@example.org", "Re: subscribe", "I am away until Monday.\nlists: dmaengine\n", null,
                "auto-replied");
        send("MAILER-DAEMON@example.org", "Undelivered Mail: subscribe", "lists: dmaengine\n", null);
        send("chatty@example.org", "hello", "Nice bot.\n", null);
        RunReport r = bot(T0);
        assertEquals(0, r.due());
        assertEquals(3, mail.getReceivedMessages().length, "nothing was sent besides the three mails received");
        try (StateStore store = h.openState(T0)) {
            assertTrue(store.subscriptions().all().isEmpty());
        }
        // handled once: a second pass over the same mailbox does nothing either
        bot(T0.plusSeconds(60));
        assertEquals(3, mail.getReceivedMessages().length);
    }
}
