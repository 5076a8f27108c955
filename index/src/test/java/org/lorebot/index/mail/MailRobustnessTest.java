package org.lorebot.index.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.lorebot.index.archive.ArchiveEntry;
import org.lorebot.index.archive.ArchiveProblem;
import org.lorebot.index.archive.ArchiveVisitor;
import org.lorebot.index.archive.GitArchiveSource;
import org.lorebot.index.fixture.PublicInboxFixtures;

/** Hostile and broken input: never a crash, always a message or a reason. */
class MailRobustnessTest {

    private static final Instant RECEIVED = Instant.parse("2021-05-01T12:00:00Z");
    private final MailParser parser = new MailParser();

    private static byte[] bytes(String s) {
        return s.replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Parses, failing the test on anything but a message or a MalformedMailException. */
    private MailMessage survive(byte[] raw) {
        try {
            MailMessage m = parser.parse(raw, RECEIVED);
            assertNotNull(m.messageId());
            assertNotNull(m.body());
            assertNotNull(m.date());
            return m;
        } catch (MalformedMailException e) {
            assertFalse(e.getMessage().isBlank(), "a reason is given");
            return null;
        } catch (RuntimeException | StackOverflowError e) {
            fail("crashed on " + new String(raw, 0, Math.min(raw.length, 300), StandardCharsets.ISO_8859_1), e);
            return null;
        }
    }

    private static final String MULTIPART = """
            Message-ID: <multi@x>
            Subject: =?utf-8?q?multipart_=E2=9C=93?=
            Content-Type: multipart/mixed; boundary="XYZ"

            preamble
            --XYZ
            Content-Type: text/plain; charset=utf-8
            Content-Transfer-Encoding: quoted-printable

            Hello =E2=9C=93 world
            --XYZ
            Content-Type: text/x-patch; name="fix.patch"
            Content-Transfer-Encoding: base64

            LS0tIGEvbW0vZG1hcG9vbC5jCisrKyBiL21tL2RtYXBvb2wuYwo=
            --XYZ--
            """;

    @Test
    void everyTruncationOfAMultipartMessageParsesOrIsRefusedWithAReason() {
        byte[] full = bytes(MULTIPART);
        MailMessage whole = survive(full);
        assertEquals("Hello ✓ world\n--- a/mm/dmapool.c\n+++ b/mm/dmapool.c\n", whole.body());
        int parsed = 0;
        for (int cut = 0; cut <= full.length; cut++) {
            if (survive(Arrays.copyOf(full, cut)) != null) {
                parsed++;
            }
        }
        assertTrue(parsed > full.length / 2, "once the Message-ID is in, truncated mail still parses");
    }

    @Test
    void badBase64KeepsTheReadablePart() {
        MailMessage m = survive(bytes("Message-ID: <b64@x>\nContent-Transfer-Encoding: base64\n\n"
                + "SGVsbG8g!!d29y*bGQ=\n=====\n%%%\n"));
        assertEquals("Hello world\n", m.body());
        MailMessage odd = survive(bytes("Message-ID: <b64@y>\nContent-Transfer-Encoding: base64\n\nSGVsbG8gd29ybGQ\n"));
        assertEquals("Hello world\n", odd.body(), "missing padding");
    }

    @Test
    void nulBytesAndEightBitGarbageInHeadersAndBody() {
        byte[] raw = bytes("Message-ID: <nul\0@x>\nSubject: a\0b \u00ff\u00fe\u0080\nFrom: \0 <a@b>\nTo: \u0081\u00c3\n\n"
                + "body\0with nul\n\u00ff\u00fe\n");
        MailMessage m = survive(raw);
        assertEquals("nul\0@x", m.messageId());
        assertTrue(m.body().startsWith("body\0with nul\n"), m.body());
    }

    @Test
    void brokenBoundariesStillYieldTheWords() {
        MailMessage neverAppears = survive(bytes("""
                Message-ID: <nb@x>
                Content-Type: multipart/mixed; boundary="not-there"

                just some text
                """));
        assertTrue(neverAppears.body().contains("just some text"), neverAppears.body());

        MailMessage noEnd = survive(bytes("""
                Message-ID: <ne@x>
                Content-Type: multipart/alternative; boundary="b"

                --b
                Content-Type: text/plain

                first part without an end
                """));
        assertTrue(noEnd.body().contains("first part without an end"), noEnd.body());

        MailMessage noParameter = survive(bytes("""
                Message-ID: <np@x>
                Content-Type: multipart/mixed

                --guess
                Content-Type: text/plain

                found anyway
                --guess--
                """));
        assertTrue(noParameter.body().contains("found anyway"), noParameter.body());

        MailMessage garbageType = survive(bytes("Message-ID: <gt@x>\nContent-Type: ;;;===\"\n\ntext\n"));
        assertEquals("text\n", garbageType.body());
    }

    @Test
    void missingDateAndBogusCharsets() {
        MailMessage noDate = survive(bytes("Message-ID: <nd@x>\n\nx\n"));
        assertEquals(RECEIVED, noDate.date());

        MailMessage bogus = survive(bytes("Message-ID: <bc@x>\nSubject: =?x-bogus?q?caf=C3=A9?= =?utf-8?x?bad?=\n"
                + "Content-Type: text/plain; charset=\"bogus\\\"; x\"\n\ncaf\u00c3\u00a9\n"));
        assertEquals("café =?utf-8?x?bad?=", bogus.subject(), "unknown charset decoded as UTF-8; malformed word kept");
        assertEquals("café\n", bogus.body());
    }

    @Test
    void aFiftyMegabyteAttachmentIsSkippedNotDecoded() {
        byte[] payload = new byte[50 * 1024 * 1024];
        new Random(1).nextBytes(payload);
        ByteArrayOutputStream raw = new ByteArrayOutputStream(72 * 1024 * 1024);
        raw.writeBytes(bytes("""
                Message-ID: <big@x>
                Subject: firmware
                Content-Type: multipart/mixed; boundary="big"

                --big
                Content-Type: text/plain

                Firmware attached.
                --big
                Content-Type: application/octet-stream; name="fw.bin"
                Content-Transfer-Encoding: base64

                """));
        raw.writeBytes(Base64.getMimeEncoder().encode(payload));
        raw.writeBytes(bytes("\n--big--\n"));

        MailMessage m = survive(raw.toByteArray());
        assertEquals("Firmware attached.\n", m.body());
    }

    @Test
    void deeplyNestedMultipartsDoNotOverflowTheStack() {
        StringBuilder s = new StringBuilder("Message-ID: <deep@x>\n");
        int depth = 2000;
        for (int i = 0; i < depth; i++) {
            s.append("Content-Type: multipart/mixed; boundary=\"b").append(i).append("\"\n\n--b").append(i).append('\n');
        }
        s.append("Content-Type: text/plain\n\ndeep text\n");
        survive(bytes(s.toString()));
    }

    @Test
    void randomlyDamagedArchiveMessagesNeverCrashTheParser() throws IOException {
        List<byte[]> corpus = new ArrayList<>();
        try (GitArchiveSource source = GitArchiveSource.v2Inbox(PublicInboxFixtures.v2())) {
            source.read(Map.of(), new ArchiveVisitor() {
                @Override
                public void entry(ArchiveEntry entry) {
                    corpus.add(entry.raw());
                }

                @Override
                public void problem(ArchiveProblem problem) {
                    fail(problem.toString());
                }
            });
        }
        corpus.add(bytes(MULTIPART));
        Random random = new Random(20230102);
        byte[] nasty = bytes("\0\r\n=?=\"<>;:--\u00ff\u00c3boundary=charset=base64\n\n");
        int refused = 0;
        for (int round = 0; round < 2000; round++) {
            byte[] raw = corpus.get(random.nextInt(corpus.size())).clone();
            int edits = 1 + random.nextInt(8);
            for (int e = 0; e < edits && raw.length > 0; e++) {
                int at = random.nextInt(raw.length);
                switch (random.nextInt(4)) {
                    case 0 -> raw[at] = (byte) random.nextInt(256);
                    case 1 -> raw = Arrays.copyOf(raw, at);
                    case 2 -> {
                        byte[] grown = new byte[raw.length + nasty.length];
                        System.arraycopy(raw, 0, grown, 0, at);
                        System.arraycopy(nasty, 0, grown, at, nasty.length);
                        System.arraycopy(raw, at, grown, at + nasty.length, raw.length - at);
                        raw = grown;
                    }
                    default -> raw[at] = nasty[random.nextInt(nasty.length)];
                }
            }
            if (survive(raw) == null) {
                refused++;
            }
        }
        assertTrue(refused < 2000 / 2, "most damaged messages still parse: " + refused + " refused");
    }
}
