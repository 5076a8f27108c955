package org.lorebot.bot.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lorebot.config.LorebotConfig;

class DeliveriesTest {

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-21T18:00:00Z"), ZoneOffset.UTC);

    private LorebotConfig config(String text) throws Exception {
        return LorebotConfig.parse(dir.resolve("lorebot.conf"), text);
    }

    private long files(Path maildirNew) throws Exception {
        try (Stream<Path> s = Files.list(maildirNew)) {
            return s.count();
        }
    }

    @Test
    void dryRunIsTheDefaultAndOnlyFillsTheOutbox() throws Exception {
        LorebotConfig c = config("[core]\n\tdata = data\n");
        MailDelivery d = Deliveries.of(c.delivery(), c.smtp(), Map.of(), clock);
        assertInstanceOf(MaildirOutbox.class, d);
        d.deliver(new MailRenderer().render(TestMail.reply("dry@example.org")));
        assertEquals(1, files(dir.resolve("data/outbox/new")));
    }

    @Test
    void sendModeKeepsOneCopyAndSendsThroughTheConfiguredServer() throws Exception {
        int port = TestMail.freePort();
        Files.writeString(dir.resolve("smtp-password"), "s3cret\nsecond line is ignored\n");
        LorebotConfig c = config("""
                [delivery]
                    mode = send
                    outbox = sent
                [smtp]
                    host = 127.0.0.1
                    port = %d
                    security = none
                    user = lorebot
                    password-file = smtp-password
                """.formatted(port));
        SmtpSettings settings = SmtpSettings.from(c.smtp(), Map.of());
        assertEquals("s3cret", settings.password().orElseThrow().reveal());
        assertEquals(Optional.of("lorebot"), settings.user());

        MailDelivery d = Deliveries.of(c.delivery(), c.smtp(), Map.of(), clock);
        RenderedMail mail = new MailRenderer().render(TestMail.reply("send@example.org"));
        // server down: the copy is kept, the send fails and will be retried
        DeliveryException down = assertThrows(DeliveryException.class, () -> d.deliver(mail));
        assertTrue(down.isTransient());
        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withUser("lorebot@example.org", "lorebot", "s3cret"));
        server.start();
        try {
            d.deliver(mail);
            assertTrue(server.waitForIncomingEmail(5000, 3));
            assertEquals(3, server.getReceivedMessages().length);
        } finally {
            server.stop();
        }
        assertEquals(1, files(dir.resolve("sent/new")));
    }

    @Test
    void passwordFromTheEnvironmentOrAClearError() throws Exception {
        LorebotConfig c = config("[smtp]\n\tuser = bot\n\tpassword-env = LOREBOT_SMTP_PASSWORD\n");
        assertEquals("pw", SmtpSettings.from(c.smtp(), Map.of("LOREBOT_SMTP_PASSWORD", "pw")).password().orElseThrow().reveal());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SmtpSettings.from(c.smtp(), Map.of()));
        assertTrue(e.getMessage().contains("LOREBOT_SMTP_PASSWORD"), e.getMessage());
    }
}
