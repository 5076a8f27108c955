package org.lorebot.bot.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding of path segments the way public-inbox writes Message-IDs into URLs, so a
 * lore.kernel.org link works with only the host changed: every byte of the UTF-8 form is
 * written as {@code %XX} except {@code A-Z a-z 0-9 - . _ ~ ! $ & ' ( ) * + , ; = : @}.
 */
final class PercentCoding {

    private static final String KEPT = "-._~!$&'()*+,;=:@";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentCoding() {
    }

    /** A Message-ID (or any text) as one path segment. */
    static String encode(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length + 8);
        for (byte b : bytes) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || (c < 0x80 && KEPT.indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }

    /**
     * Decodes a path segment: {@code %XX} sequences become bytes, read as UTF-8; {@code +}
     * stays {@code +} (it is a space only in query strings).
     *
     * @throws IllegalArgumentException on a broken escape or bytes that are not UTF-8
     */
    static String decode(String segment) {
        return decode(segment, false);
    }

    /** Decodes a query-string component, where {@code +} means a space. */
    static String decodeQueryComponent(String component) {
        return decode(component, true);
    }

    private static String decode(String text, boolean plusIsSpace) {
        if (text.indexOf('%') < 0 && !(plusIsSpace && text.indexOf('+') >= 0)) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length()) {
                    throw new IllegalArgumentException("incomplete escape '" + text.substring(i) + "'");
                }
                int high = Character.digit(text.charAt(i + 1), 16);
                int low = Character.digit(text.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    throw new IllegalArgumentException("bad escape '" + text.substring(i, i + 3) + "'");
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                bytes.write(' ');
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
                    encoded = text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.writeBytes(encoded);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("escaped bytes are not UTF-8");
        }
    }
}
