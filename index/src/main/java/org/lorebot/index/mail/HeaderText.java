package org.lorebot.index.mail;

import java.nio.charset.StandardCharsets;

/** Header values as text: unfolded, raw 8-bit bytes recovered, encoded words decoded. */
final class HeaderText {

    private HeaderText() {
    }

    /** The readable text of a raw header value (null stays null). */
    static String decode(String raw) {
        return raw == null ? null : EncodedWords.decode(recover8bit(unfold(raw))).strip();
    }

    /**
     * Removes folding line breaks. Jakarta Mail keeps them in values. RFC 5322 unfolding keeps
     * the whitespace after the break; a tab there is only folding indentation, so it becomes a
     * space ("fb on\tHyperV" would otherwise show up in subjects and reply subjects).
     */
    static String unfold(String raw) {
        if (raw.indexOf('\n') < 0 && raw.indexOf('\r') < 0) {
            return raw;
        }
        StringBuilder out = new StringBuilder(raw.length());
        boolean afterBreak = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\r' || c == '\n') {
                afterBreak = true;
                continue;
            }
            out.append(afterBreak && c == '\t' ? ' ' : c);
            afterBreak = false;
        }
        return out.toString();
    }

    /**
     * Header bytes reach us one byte per char (Jakarta Mail reads headers as Latin-1 unless told
     * otherwise). Unencoded UTF-8 in headers is common, so 8-bit values are re-read as UTF-8 when
     * valid, else as windows-1252.
     */
    static String recover8bit(String value) {
        boolean eightBit = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > 0xff) {
                return value; // already decoded text
            }
            eightBit |= c > 0x7f;
        }
        if (!eightBit) {
            return value;
        }
        byte[] bytes = value.getBytes(StandardCharsets.ISO_8859_1);
        return CharsetFallback.guess(bytes, 0, bytes.length);
    }
}
