package org.lorebot.index.mail;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns bytes into text under a declared charset that may be absent, wrong or unknown. Mail in
 * the wild declares {@code us-ascii} over UTF-8, {@code unknown-8bit}, or nothing at all; the
 * fallback is UTF-8 when the bytes are valid UTF-8, else windows-1252 (a superset of Latin-1
 * that never fails), so decoding never throws and never loses a byte silently to nothing.
 */
final class CharsetFallback {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** Charset lookups by lower-cased name; null values cannot be stored, so unknown is NONE. */
    private static final Map<String, Charset> KNOWN = new ConcurrentHashMap<>();
    private static final Charset NONE = StandardCharsets.US_ASCII;
    private static final VarHandle LONGS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private CharsetFallback() {
    }

    static String decode(byte[] bytes, String declared) {
        return decode(bytes, 0, bytes.length, declared);
    }

    static String decode(byte[] bytes, int offset, int length, String declared) {
        if (Utf7.isUtf7(declared)) {
            return Utf7.decode(bytes, offset, length);
        }
        if (isAscii(bytes, offset, length) && !isSevenBitEncoding(declared)) {
            return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
        }
        Charset charset = lookup(declared);
        if (charset == null || charset == StandardCharsets.US_ASCII) {
            return guess(bytes, offset, length);
        }
        return new String(bytes, offset, length, charset);
    }

    /**
     * Charsets whose text can be all ASCII bytes and still need decoding: ISO-2022-JP's escape
     * sequences, UTF-16's zero bytes.
     */
    private static boolean isSevenBitEncoding(String declared) {
        if (declared == null) {
            return false;
        }
        String name = declared.trim().replace("\"", "").toLowerCase(Locale.ROOT);
        return name.startsWith("iso-2022") || name.startsWith("iso2022") || name.startsWith("hz-gb")
                || name.startsWith("utf-16") || name.startsWith("utf-32");
    }

    /** Valid UTF-8 as UTF-8, anything else as windows-1252. */
    static String guess(byte[] bytes, int offset, int length) {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return utf8.decode(ByteBuffer.wrap(bytes, offset, length)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, offset, length, WINDOWS_1252);
        }
    }

    /** The charset a MIME name denotes, or null when Java does not know it. */
    static Charset lookup(String name) {
        if (name == null) {
            return null;
        }
        String key = name.trim().toLowerCase(Locale.ROOT);
        if (key.length() > 2 && key.charAt(0) == '"' && key.charAt(key.length() - 1) == '"') {
            key = key.substring(1, key.length() - 1).trim();
        }
        if (key.isEmpty()) {
            return null;
        }
        Charset charset = KNOWN.computeIfAbsent(key, CharsetFallback::forName);
        return charset == NONE && !key.equals("us-ascii") && !key.equals("ascii") ? null : charset;
    }

    private static Charset forName(String key) {
        // RFC 2231 allows a language suffix: utf-8*en
        int star = key.indexOf('*');
        String name = star > 0 ? key.substring(0, star) : key;
        try {
            Charset charset = Charset.forName(name);
            // mail's "iso-8859-1" is in practice windows-1252 (the web does the same)
            return charset.equals(StandardCharsets.ISO_8859_1) ? WINDOWS_1252 : charset;
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return NONE;
        }
    }

    static boolean isAscii(byte[] bytes, int offset, int length) {
        int i = offset;
        int end = offset + length;
        // eight bytes a step: every body part is tested, and C1 does not vectorise the loop
        for (; i + Long.BYTES <= end; i += Long.BYTES) {
            if (((long) LONGS.get(bytes, i) & 0x8080808080808080L) != 0) {
                return false;
            }
        }
        for (; i < end; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }
}
