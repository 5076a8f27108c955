package org.lorebot.bot.delivery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lorebot.config.SmtpConfig.Security;

class SmtpDeliveryTest {

    private static final String PASSWORD = "c0rrect-h0rse";

    private GreenMail server;
    private int port;

    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        port = TestMail.freePort();
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withUser("lorebot@example.org", "lorebot", PASSWORD));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private SmtpSettings settings(Optional<String> user, Optional<Secret> password) {
        return new SmtpSettings("127.0.0.1", port, Security.NONE, user, password, Duration.ofSeconds(10));
    }

    @Test
    void everyRecipientGetsTheMailAsRenderedWithItsThreadingHeaders() throws Exception {
        Path passwordFile = dir.resolve("password");
        Files.writeString(passwordFile, PASSWORD + "\n");
        RenderedMail rendered = new MailRenderer().render(TestMail.reply("lorebot.feedface@example.org"));
        new SmtpDelivery(settings(Optional.of("lorebot"), Optional.of(Secret.fromFile(passwordFile)))).deliver(rendered);

        assertTrue(server.waitForIncomingEmail(5000, 3));
        MimeMessage[] received = server.getReceivedMessages();
        assertEquals(3, received.length);
        Set<String> mailboxes = Stream.of(received).map(m -> {
            try {
                return m.getAllRecipients().length + ":" + m.getHeader("Message-ID", null);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).collect(Collectors.toSet());
        assertEquals(Set.of("3:<lorebot.feedface@example.org>"), mailboxes);
        for (String mailbox : List.of("joro@example.net", "linux-mm@kvack.org", "hch@lst.de")) {
            var user = server.getUserManager().getUserByEmail(mailbox);
            assertEquals(1, server.getManagers().getImapHostManager().getInbox(user).getMessageCount(), mailbox);
        }

        MimeMessage m = received[0];
        assertEquals("<20220219005221.634-3-bhe@redhat.com>", m.getHeader("In-Reply-To", null));
        assertEquals("<20220219005221.634-1-bhe@redhat.com> <20220219005221.634-2-bhe@redhat.com>"
                + " <20220219005221.634-3-bhe@redhat.com>", MimeUtility.unfold(m.getHeader("References", null)));
        assertEquals("auto-generated", m.getHeader("Auto-Submitted", null));
        assertEquals("text/plain; charset=utf-8", m.getContentType());
        // The body arrives byte for byte as rendered.
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        m.writeTo(raw);
        String sent = new String(rendered.bytes(), StandardCharsets.ISO_8859_1);
        String got = new String(raw.toByteArray(), StandardCharsets.ISO_8859_1);
        // (the server's store drops the CRLF before the terminating dot)
        assertEquals(sent.substring(sent.indexOf("\r\n\r\n")).stripTrailing(),
                got.substring(got.indexOf("\r\n\r\n")).stripTrailing());
        assertTrue(got.contains("> +\tpriv->tx_desc_base = dma_alloc_coherent(&pdev->dev, TX_REG_DESC_SIZE * TX_DESC_NUM,"
                + " &priv->tx_base, GFP_DMA | GFP_KERNEL);\r\n"), "quoted diff line must arrive whole");
        assertEquals("8bit", m.getEncoding());
        assertEquals(TestMail.reply("x").body().stripTrailing(), ((String) m.getContent()).replace("\r\n", "\n").stripTrailing());
    }

    @Test
    void wrongPasswordFailsPermanentlyWithoutShowingThePassword() {
        String wrong = "wr0ng-pa55word";
        SmtpDelivery smtp = new SmtpDelivery(settings(Optional.of("lorebot"),
                Optional.of(Secret.fromEnvironment("LOREBOT_SMTP_PASSWORD", Map.of("LOREBOT_SMTP_PASSWORD", wrong)))));
        DeliveryException e = assertThrows(DeliveryException.class,
                () -> smtp.deliver(new MailRenderer().render(TestMail.reply("auth@example.org"))));
        assertFalse(e.isTransient());
        assertTrue(e.getMessage().contains("login as lorebot"), e.getMessage());
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains(wrong), "password leaked: " + t);
        }
        assertEquals(0, server.getReceivedMessages().length);
    }

    @Test
    void serverDownIsTransient() {
        server.stop();
        DeliveryException e = assertThrows(DeliveryException.class,
                () -> new SmtpDelivery(settings(Optional.empty(), Optional.empty()))
                        .deliver(new MailRenderer().render(TestMail.reply("down@example.org"))));
        assertTrue(e.isTransient());
        assertTrue(e.getMessage().contains("127.0.0.1:" + port), e.getMessage());
    }

    @Test
    void only5xxRepliesAreFinal() throws Exception {
        var bad = new jakarta.mail.internet.InternetAddress("gone@example.org");
        var rejected = new jakarta.mail.SendFailedException("Invalid Addresses", null, new jakarta.mail.Address[0],
                new jakarta.mail.Address[0], new jakarta.mail.Address[] {bad});
        rejected.setNextException(new org.eclipse.angus.mail.smtp.SMTPAddressFailedException(bad, "RCPT TO", 550, "550 no such user"));
        assertFalse(SmtpDelivery.isTransient(rejected));
        var greylisted = new jakarta.mail.SendFailedException("Invalid Addresses", null, new jakarta.mail.Address[0],
                new jakarta.mail.Address[0], new jakarta.mail.Address[] {bad});
        greylisted.setNextException(new org.eclipse.angus.mail.smtp.SMTPAddressFailedException(bad, "RCPT TO", 451, "451 try later"));
        assertTrue(SmtpDelivery.isTransient(greylisted));
        assertTrue(SmtpDelivery.isTransient(new jakarta.mail.MessagingException("connection reset")));
    }

    @Test
    void sessionPropertiesFollowTheSecuritySetting() {
        var starttls = SmtpDelivery.properties(new SmtpSettings("smtp.example.org", 587, Security.STARTTLS,
                Optional.of("u"), Optional.of(Secret.of(PASSWORD)), Duration.ofSeconds(30)));
        assertEquals("true", starttls.getProperty("mail.smtp.starttls.required"));
        assertEquals("true", starttls.getProperty("mail.smtp.auth"));
        assertEquals("30000", starttls.getProperty("mail.smtp.timeout"));
        var smtps = SmtpDelivery.properties(new SmtpSettings("smtp.example.org", 465, Security.SMTPS,
                Optional.empty(), Optional.empty(), null));
        assertEquals("smtps", smtps.getProperty("mail.transport.protocol"));
        assertEquals("true", smtps.getProperty("mail.smtps.ssl.enable"));
        assertFalse(starttls.toString().contains(PASSWORD));
    }

    @Test
    void secretsNeverPrintAndMissingOnesAreNamed() {
        assertEquals("Secret[hidden]", Secret.of(PASSWORD).toString());
        IllegalArgumentException env = assertThrows(IllegalArgumentException.class,
                () -> Secret.fromEnvironment("SMTP_PW", Map.of()));
        assertTrue(env.getMessage().contains("SMTP_PW"));
        IllegalArgumentException file = assertThrows(IllegalArgumentException.class,
                () -> Secret.fromFile(dir.resolve("missing")));
        assertTrue(file.getMessage().contains(dir.resolve("missing").toString()));
        assertThrows(IllegalArgumentException.class, () -> new SmtpSettings("h", 25, Security.NONE,
                Optional.of("user"), Optional.empty(), null));
    }
}
