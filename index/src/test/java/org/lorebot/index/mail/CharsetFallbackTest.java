package org.lorebot.index.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CharsetFallbackTest {

    @Test
    void undeclaredUtf8IsFoundWhereverItsFirstByteFalls() {
        for (int at = 0; at <= 20; at++) {
            String text = "a".repeat(at) + "é" + "b".repeat(20 - at);
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            assertEquals(text, CharsetFallback.decode(bytes, null), "é at " + at);
            // the same text inside a larger array, at an offset that is no multiple of eight
            byte[] framed = new byte[bytes.length + 6];
            System.arraycopy(bytes, 0, framed, 3, bytes.length);
            assertEquals(text, CharsetFallback.decode(framed, 3, bytes.length, null), "é at " + at);
        }
    }

    @Test
    void asciiStaysAsItIsAndLatin1FallsBackToWindows1252() {
        assertEquals("plain ASCII text, 33 bytes long!!", CharsetFallback.decode(
                "plain ASCII text, 33 bytes long!!".getBytes(StandardCharsets.US_ASCII), null));
        byte[] latin1 = "caf\u00e9 au lait, \u20ac5".getBytes(CharsetFallback.WINDOWS_1252);
        assertEquals("caf\u00e9 au lait, \u20ac5", CharsetFallback.decode(latin1, null));
    }
}
