package org.lorebot.bot.delivery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.lorebot.bot.review.OutgoingMail;
import org.lorebot.index.mail.Address;

class MailRendererTest {

    static MimeMessage parse(byte[] bytes) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(bytes));
    }

    @Test
    void rendersThreadingAndBotHeadersExactly() throws Exception {
        OutgoingMail mail = TestMail.reply("lorebot.0123456789abcdef@example.org");
        RenderedMail rendered = new MailRenderer().render(mail);
        MimeMessage m = parse(rendered.bytes());
        assertEquals("<lorebot.0123456789abcdef@example.org>", m.getHeader("Message-ID", null));
        assertEquals("<20220219005221.634-3-bhe@redhat.com>", m.getHeader("In-Reply-To", null));
        assertEquals("<20220219005221.634-1-bhe@redhat.com> <20220219005221.634-2-bhe@redhat.com>"
                + " <20220219005221.634-3-bhe@redhat.com>", MimeUtility.unfold(m.getHeader("References", null)));
        assertEquals(mail.subject(), m.getSubject());
        assertEquals("auto-generated", m.getHeader("Auto-Submitted", null));
        assertEquals("lorebot 0.1.0", m.getHeader("X-Mailer", null));
        assertEquals("lorebot <lorebot@example.org>", m.getHeader("From", null));
        assertEquals("=?utf-8?Q?J=C3=B6rg_R=C3=B6del?= <joro@example.net>", m.getHeader("To", null));
        assertEquals("linux-mm@kvack.org, Christoph Hellwig <hch@lst.de>", MimeUtility.unfold(m.getHeader("Cc", null)));
        assertEquals("text/plain; charset=utf-8", m.getContentType());
        assertEquals(mail.date(), m.getSentDate().toInstant());
        assertEquals(mail.body().replace("\n", "\r\n"), m.getContent());
        assertEquals(List.of("joro@example.net", "linux-mm@kvack.org", "hch@lst.de"), rendered.recipients());
    }

    @Test
    void headerLinesStayShortAndLineEndsAreCrlf() throws Exception {
        byte[] bytes = new MailRenderer().render(TestMail.reply("a@example.org")).bytes();
        String text = new String(bytes, StandardCharsets.US_ASCII);
        String headers = text.substring(0, text.indexOf("\r\n\r\n"));
        for (String line : headers.split("\r\n")) {
            assertTrue(line.length() <= 78, "header line too long: " + line);
        }
        assertEquals(-1, text.replace("\r\n", "").indexOf('\n'));
    }

    @Test
    void sameMailRendersToSameBytes() {
        OutgoingMail mail = TestMail.reply("same@example.org");
        assertArrayEquals(new MailRenderer().render(mail).bytes(), new MailRenderer().render(mail).bytes());
    }

    private static OutgoingMail withHeaders(String subject, Address author) {
        OutgoingMail r = TestMail.reply("long@example.org");
        return new OutgoingMail(r.messageId(), r.from(), List.of(author), r.cc(), subject, r.inReplyTo(),
                r.references(), r.date(), r.mailer(), r.body());
    }

    private static void assertHeaderLinesWithinTheLimit(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        for (String line : text.substring(0, text.indexOf("\r\n\r\n")).split("\r\n")) {
            assertTrue(line.length() <= 998, "header line of " + line.length() + " characters");
        }
    }

    @Test
    void aSubjectOfAnyLengthIsFoldedAndReadsBackWhole() throws Exception {
        String words = "Re: [PATCH] " + "mm: a very long subject line ".repeat(200);
        String asciiBlob = "Re: [PATCH] x: " + "A".repeat(3000) + " end";
        String blob = "Re: [PATCH] x: " + "A".repeat(3000) + " and Grüße " + "ü".repeat(700);
        for (String subject : List.of(words.strip(), asciiBlob, blob)) {
            byte[] bytes = new MailRenderer().render(withHeaders(subject, new Address("Dev", "dev@example.net"))).bytes();
            assertHeaderLinesWithinTheLimit(bytes);
            assertEquals(subject, parse(bytes).getSubject());
        }
    }

    @Test
    void aDisplayNameCarryingCrLfCannotAddHeaders() throws Exception {
        // what "=?utf-8?q?Mallory=0D=0ABcc:_victim@example.com?=" decodes to
        Address mallory = new Address("Mallory\r\nBcc: victim@example.com", "mallory@example.net");
        RenderedMail rendered = new MailRenderer().render(withHeaders("Re: [PATCH] x", mallory));
        MimeMessage m = parse(rendered.bytes());
        assertEquals(null, m.getHeader("Bcc"));
        assertEquals("\"Mallory Bcc: victim@example.com\" <mallory@example.net>", m.getHeader("To", null));
        assertEquals("mallory@example.net", rendered.recipients().get(0));
        assertTrue(rendered.recipients().stream().noneMatch(r -> r.contains("victim")));
    }
}
