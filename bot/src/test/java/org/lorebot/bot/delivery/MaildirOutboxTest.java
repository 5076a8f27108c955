package org.lorebot.bot.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MaildirOutboxTest {

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-21T18:00:00.123456Z"), ZoneOffset.UTC);

    private static List<Path> list(Path d) throws Exception {
        try (Stream<Path> s = Files.list(d)) {
            return s.sorted().toList();
        }
    }

    @Test
    void writesEachMailIntoNewUnderAUniqueName() throws Exception {
        MaildirOutbox outbox = new MaildirOutbox(dir.resolve("outbox"), clock);
        RenderedMail mail = new MailRenderer().render(TestMail.reply("one@example.org"));
        Path first = outbox.write(mail);
        Path second = outbox.write(mail);

        assertEquals(List.of(), list(dir.resolve("outbox/tmp")));
        assertEquals(List.of(), list(dir.resolve("outbox/cur")));
        assertEquals(2, list(dir.resolve("outbox/new")).size());
        assertNotEquals(first, second);
        assertTrue(outbox.contains("one@example.org"));
        assertTrue(!outbox.contains("other@example.org"));
        assertEquals(dir.resolve("outbox/new"), first.getParent());
        String name = first.getFileName().toString();
        assertTrue(name.matches("1795284000\\.M123456P\\d+Q\\d+\\.[^/:]+"), name);
    }

    @Test
    void fileHoldsTheMailWithLfLineEnds() throws Exception {
        MaildirOutbox outbox = new MaildirOutbox(dir, clock);
        RenderedMail mail = new MailRenderer().render(TestMail.reply("two@example.org"));
        Path file = outbox.write(mail);
        byte[] bytes = Files.readAllBytes(file);
        assertEquals(-1, new String(bytes, StandardCharsets.ISO_8859_1).indexOf('\r'));
        MimeMessage m = MailRendererTest.parse(bytes);
        assertEquals("<two@example.org>", m.getHeader("Message-ID", null));
        assertEquals("auto-generated", m.getHeader("Auto-Submitted", null));
        assertEquals(TestMail.reply("two@example.org").body(), ((String) m.getContent()).replace("\r\n", "\n"));
    }

    @Test
    void unwritableOutboxIsATransientFailureNamingThePlace() throws Exception {
        MaildirOutbox outbox = new MaildirOutbox(dir.resolve("box"), clock);
        Files.delete(dir.resolve("box/tmp"));
        Files.writeString(dir.resolve("box/tmp"), "not a directory");
        DeliveryException e = org.junit.jupiter.api.Assertions.assertThrows(DeliveryException.class,
                () -> outbox.deliver(new MailRenderer().render(TestMail.reply("three@example.org"))));
        assertTrue(e.isTransient());
        assertTrue(e.getMessage().contains("three@example.org") && e.getMessage().contains(dir.resolve("box").toString()),
                e.getMessage());
    }
}
