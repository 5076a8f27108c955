package org.lorebot.index.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

class MailParserTest {

    private final MailParser parser = new MailParser();

    private static byte[] mail(String text) {
        return text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] mail(String text, Charset charset) {
        return text.replace("\n", "\r\n").getBytes(charset);
    }

    @Test
    void readsThePlainHeadersAndBody() throws Exception {
        MailMessage m = parser.parse(mail("""
                From: Jana Eklund <jana@example.org>
                To: Nikolai Reddy <nikolai@example.org>, linux-mm@kvack.org
                Cc: "Doe, John" <john@example.org>
                Subject: [PATCH 1/2] mm: fix it
                Date: Mon, 02 Jan 2023 08:14:25 +0000
                Message-ID: <20230102081425.1-jana@example.org>
                List-Id: Linux MM <linux-mm.kvack.org>

                Hello,
                the body.
                """));
        assertEquals("20230102081425.1-jana@example.org", m.messageId());
        assertEquals("[PATCH 1/2] mm: fix it", m.subject());
        assertEquals(new Address("Jana Eklund", "jana@example.org"), m.from());
        assertEquals(List.of(new Address("Nikolai Reddy", "nikolai@example.org"), new Address("", "linux-mm@kvack.org")),
                m.to());
        assertEquals(List.of(new Address("Doe, John", "john@example.org")), m.cc());
        assertEquals(Instant.parse("2023-01-02T08:14:25Z"), m.date());
        assertEquals("linux-mm.kvack.org", m.listId());
        assertNull(m.inReplyTo());
        assertEquals(List.of(), m.references());
        assertEquals("Hello,\nthe body.\n", m.body(), "CRLF turned into LF");
    }

    @Test
    void decodesEncodedWordsIncludingCharactersSplitAcrossWords() throws Exception {
        byte[] utf8 = "Grüße – ☃".getBytes(StandardCharsets.UTF_8);
        // split inside the multi-byte sequence of "ü": each word alone is invalid UTF-8
        String first = Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(utf8, 0, 3));
        String second = Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(utf8, 3, utf8.length));
        MailMessage m = parser.parse(mail("Message-ID: <a@b>\n"
                + "From: =?iso-8859-1?q?Andr=E9_M=FCller?= <andre@example.org>\n"
                + "Subject: Re: =?utf-8?b?" + first + "?=\n =?utf-8?b?" + second + "?= done\n\nx\n"));
        assertEquals("Re: Grüße – ☃ done", m.subject());

        MailMessage folded = parser.parse(mail("Message-ID: <f@x>\nSubject: [PATCH] video: hyperv: use physical memory for fb on\n"
                + "\tHyperV Gen 1 VMs.\n\nx\n"));
        assertEquals("[PATCH] video: hyperv: use physical memory for fb on HyperV Gen 1 VMs.", folded.subject());
        assertEquals("André Müller", m.from().name());
    }

    @Test
    void recoversRawEightBitHeaders() throws Exception {
        byte[] head = "Message-ID: <8bit@x>\nSubject: Grüße aus Köln\nFrom: Jürgen <j@x>\n\nbody\n"
                .getBytes(StandardCharsets.UTF_8);
        MailMessage utf8 = parser.parse(head);
        assertEquals("Grüße aus Köln", utf8.subject());
        assertEquals("Jürgen", utf8.from().name());

        byte[] latin1 = "Message-ID: <8bit@y>\nSubject: Grüße aus Köln\n\nbody\n".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("Grüße aus Köln", parser.parse(latin1).subject());
    }

    @Test
    void decodesQuotedPrintableAndBase64Bodies() throws Exception {
        MailMessage qp = parser.parse(mail("""
                Message-ID: <qp@x>
                Content-Type: text/plain; charset=iso-8859-1
                Content-Transfer-Encoding: quoted-printable

                Caf=E9 cr=E8me, a long line that is soft=
                 broken here.
                """, StandardCharsets.ISO_8859_1));
        assertEquals("Café crème, a long line that is soft broken here.\n", qp.body());

        String encoded = Base64.getMimeEncoder().encodeToString("Ünïcode body\r\n+\tkzalloc(GFP_DMA)\r\n"
                .getBytes(StandardCharsets.UTF_8));
        MailMessage b64 = parser.parse(mail("Message-ID: <b64@x>\nContent-Type: text/plain; charset=\"UTF-8\"\n"
                + "Content-Transfer-Encoding: base64\n\n" + encoded + "\n"));
        assertEquals("Ünïcode body\n+\tkzalloc(GFP_DMA)\n", b64.body());
    }

    @Test
    void fallsBackFromUnknownAndWrongCharsets() throws Exception {
        byte[] body = "Message-ID: <cs@x>\nContent-Type: text/plain; charset=x-no-such-charset\n\nnaïve café\n"
                .getBytes(StandardCharsets.UTF_8);
        assertEquals("naïve café\n", parser.parse(body).body(), "unknown charset, valid UTF-8");

        byte[] latin = "Message-ID: <cs@y>\nContent-Type: text/plain; charset=us-ascii\n\nnaïve café\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("naïve café\n", parser.parse(latin).body(), "declared ASCII, Latin-1 bytes");
    }

    @Test
    void prefersPlainTextInAlternativesAndSkipsSignatures() throws Exception {
        MailMessage m = parser.parse(mail("""
                Message-ID: <alt@x>
                Content-Type: multipart/signed; protocol="application/pgp-signature"; micalg=pgp-sha256;
                 boundary="sig"

                --sig
                Content-Type: multipart/alternative; boundary="alt"

                --alt
                Content-Type: text/plain; charset=utf-8

                plain words
                --alt
                Content-Type: text/html; charset=utf-8

                <p>html words</p>
                --alt--
                --sig
                Content-Type: application/pgp-signature; name="signature.asc"

                -----BEGIN PGP SIGNATURE-----
                iQEzBAEBCAAdFiEE
                -----END PGP SIGNATURE-----
                --sig--
                """));
        assertEquals("plain words\n", m.body());
    }

    @Test
    void turnsHtmlOnlyMailIntoTextWithQuotes() throws Exception {
        MailMessage m = parser.parse(mail("""
                Message-ID: <html@x>
                Content-Type: text/html; charset=utf-8

                <html><head><style>p {color: red}</style></head><body>
                <p>I think <b>GFP_DMA</b> is wrong&nbsp;here.</p>
                <blockquote><p>Original line one</p><p>line two</p></blockquote>
                <div>Thanks,<br>Anna</div>
                </body></html>
                """));
        assertEquals("I think GFP_DMA is wrong here.\n> Original line one\n> line two\nThanks,\nAnna\n", m.body());
    }

    @Test
    void readsHtmlInsideRelatedAlternativesAndForwardedMessages() throws Exception {
        MailMessage m = parser.parse(mail("""
                Message-ID: <fwd@x>
                Content-Type: multipart/mixed; boundary="outer"

                --outer
                Content-Type: multipart/alternative; boundary="alt"

                --alt
                Content-Type: multipart/related; boundary="rel"

                --rel
                Content-Type: text/html; charset=utf-8
                Content-Transfer-Encoding: quoted-printable

                <div>Forwarding this =E2=80=94 see below.</div>
                --rel
                Content-Type: image/png
                Content-Transfer-Encoding: base64

                iVBORw0KGgo=
                --rel--
                --alt--
                --outer
                Content-Type: message/rfc822

                Message-ID: <inner@x>
                Subject: the original
                Content-Type: text/plain

                original words
                --outer--
                """));
        assertEquals("Forwarding this — see below.\noriginal words\n", m.body());
        assertEquals("fwd@x", m.messageId(), "the attached message's id is not the message's");
    }

    @Test
    void appendsPatchAttachmentsAndSkipsBinaries() throws Exception {
        String patch = "--- a/mm/dmapool.c\n+++ b/mm/dmapool.c\n@@ -1 +1 @@\n-old\n+new\n";
        MailMessage m = parser.parse(mail("Message-ID: <att@x>\n"
                + "Content-Type: multipart/mixed; boundary=\"b\"\n\n"
                + "--b\nContent-Type: text/plain\n\nSee attached.\n"
                + "--b\nContent-Type: text/x-patch; name=\"one.patch\"\nContent-Disposition: attachment; filename=\"one.patch\"\n\n"
                + patch
                + "--b\nContent-Type: image/png; name=\"x.png\"\nContent-Transfer-Encoding: base64\n\niVBORw0KGgo=\n"
                + "--b\nContent-Type: application/octet-stream; name=\"two.diff\"\nContent-Transfer-Encoding: base64\n\n"
                + Base64.getMimeEncoder().encodeToString(patch.replace("new", "newer").getBytes(StandardCharsets.UTF_8))
                + "\n--b--\n"));
        assertEquals("See attached.\n" + patch + patch.replace("new", "newer"), m.body());
        assertFalse(m.body().contains("iVBOR"));
    }

    @Test
    void readsIdsAsPublicInboxDoes() throws Exception {
        MailMessage m = parser.parse(mail("""
                Message-ID: bare-id@example.org
                From: A <a@example.org>
                To: b@example.org
                In-Reply-To: <parent@x> (message from B)
                References: <root@x> <bare-id@example.org>
                 <mid@x>	<root@x> <b@example.org> <y>
                Subject: x

                body
                """));
        assertEquals("bare-id@example.org", m.messageId(), "an id without brackets is taken whole");
        assertEquals("parent@x", m.inReplyTo());
        assertEquals(List.of("root@x", "mid@x", "parent@x"), m.references(),
                "order kept, In-Reply-To appended, no self, no duplicate, no address, no y/n");
    }

    @Test
    void keysAMessageWithoutMessageIdByItsContentAndRefusesOneWithoutHeaders() throws Exception {
        MailMessage first = parser.parse(mail("From: a@x\nSubject: no id\n\nbody\n"));
        MailMessage again = parser.parse(mail("From: a@x\nSubject: no id\n\nbody\n"));
        MailMessage other = parser.parse(mail("From: a@x\nSubject: no id\n\nanother body\n"));
        assertTrue(first.messageId().endsWith("@lorebot.invalid"), first.messageId());
        assertEquals(first.messageId(), again.messageId(), "the same mail gets the same id");
        assertNotEquals(first.messageId(), other.messageId());
        MalformedMailException headless = assertThrows(MalformedMailException.class,
                () -> parser.parse(mail("just some text\n")));
        assertTrue(headless.getMessage().startsWith("no header"), headless.getMessage());
        MalformedMailException empty = assertThrows(MalformedMailException.class, () -> parser.parse(new byte[0]));
        assertEquals("empty message", empty.getMessage());
    }

    @Test
    void usesTheArchiveTimeWhenDateIsMissingOrBroken() throws Exception {
        Instant received = Instant.parse("2020-06-19T10:00:00Z");
        assertEquals(received, parser.parse(mail("Message-ID: <d@x>\n\nx\n"), received).date());
        assertEquals(received, parser.parse(mail("Message-ID: <d@x>\nDate: yesterday-ish\n\nx\n"), received).date());
        assertEquals(Instant.parse("2019-03-18T12:00:00Z"),
                parser.parse(mail("Message-ID: <d@x>\nReceived: from a by b; Mon, 18 Mar 2019 13:00:00 +0100\n\nx\n"))
                        .date(), "Received stamp when nothing else is known");
    }

    @Test
    void readsTheDateFormsMailersWrite() throws Exception {
        Instant expected = Instant.parse("2023-01-02T08:14:25Z");
        for (String date : List.of("Mon, 02 Jan 2023 08:14:25 +0000 (UTC)", "2 Jan 2023 08:14:25 GMT",
                "Mon, 2 Jan 23 08:14:25 +0000", "Mon, 2 Jan 2023 03:14:25 EST", "Mon, 2 Jan 2023 00:14:25 -0800",
                "Mon Jan  2 08:14:25 2023")) {
            assertEquals(expected, parser.parse(mail("Message-ID: <d@x>\nDate: " + date + "\n\nx\n")).date(), date);
        }
    }

    @Test
    void keepsUnparseableRecipientsAsText() throws Exception {
        MailMessage m = parser.parse(mail("Message-ID: <r@x>\nTo: undisclosed-recipients:;\n"
                + "Cc: Broken <<<bad@@address>\n\nx\n"));
        assertEquals(List.of(), m.to());
        assertTrue(m.cc().stream().anyMatch(a -> a.toString().contains("bad@@address")), m.cc().toString());
    }

    @Test
    void readsFieldsFoldedOverManyLinesWithEitherLineEnd() throws Exception {
        StringBuilder cc = new StringBuilder("Cc: ");
        StringBuilder references = new StringBuilder("References:");
        for (int i = 0; i < 300; i++) {
            cc.append(i == 0 ? "" : ",\n\t").append("Person ").append(i).append(" <p").append(i).append("@example.org>");
            references.append("\n <r").append(i).append("@example.org>");
        }
        String text = "Message-ID: <many@x>\n" + cc + "\n" + references + "\nSubject: folded\n  twice\n\nbody\n";
        for (byte[] raw : List.of(mail(text), text.getBytes(StandardCharsets.UTF_8))) {
            MailMessage m = parser.parse(raw);
            assertEquals(300, m.cc().size());
            assertEquals(new Address("Person 299", "p299@example.org"), m.cc().get(299));
            assertEquals(300, m.references().size());
            assertEquals("r0@example.org", m.references().get(0));
            assertEquals("r299@example.org", m.references().get(299));
            assertEquals("folded  twice", m.subject());
            assertEquals("body\n", m.body());
        }
    }

    @Test
    void readsItsFieldsAmongSignaturesAndReceivedChainsInAnyCase() throws Exception {
        MailMessage m = parser.parse(mail("""
                Received: from b by c; Tue, 19 Mar 2019 10:00:00 +0000
                DKIM-Signature: v=1; a=rsa-sha256; d=example.org;
                	b=AAAA
                	 BBBB
                Received: from a by b; Mon, 18 Mar 2019 09:00:00 +0000
                X-Subject: not this one
                SUBJECT : [PATCH] mtd: rawnand: fix
                message-id: <case@x>
                CONTENT-TYPE: text/plain; charset=utf-8
                content-transfer-encoding: base64

                """ + Base64.getEncoder().encodeToString("Grüße\n".getBytes(StandardCharsets.UTF_8)) + "\n"));
        assertEquals("case@x", m.messageId());
        assertEquals("[PATCH] mtd: rawnand: fix", m.subject());
        assertEquals(Instant.parse("2019-03-19T10:00:00Z"), m.date(), "no Date: the newest Received stamp");
        assertEquals("Grüße\n", m.body());
    }
}
