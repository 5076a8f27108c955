package org.lorebot.index.mail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Decodes RFC 2047 encoded words ({@code =?charset?B|Q?text?=}) in a header value. Lenient the
 * way mail needs: words glued to text are decoded, the whitespace between adjacent words is
 * dropped, adjacent words in one charset are joined before decoding (senders split multi-byte
 * characters across words), unknown charsets fall back like bodies do, and a malformed word is
 * kept as written.
 */
final class EncodedWords {

    private EncodedWords() {
    }

    static String decode(String value) {
        int start = value.indexOf("=?");
        if (start < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        String pendingCharset = null;
        int copied = 0;
        int pos = start;
        while (pos >= 0 && pos < value.length()) {
            Word word = Word.parse(value, pos);
            if (word == null) {
                pos = value.indexOf("=?", pos + 2);
                continue;
            }
            String between = value.substring(copied, pos);
            boolean adjacent = pendingCharset != null && between.isBlank();
            if (!adjacent) {
                flush(out, pending, pendingCharset);
                pendingCharset = null;
                out.append(between);
            } else if (!word.charset.equalsIgnoreCase(pendingCharset)) {
                flush(out, pending, pendingCharset);
            }
            pendingCharset = word.charset;
            word.decodeInto(pending);
            copied = word.end;
            pos = value.indexOf("=?", word.end);
        }
        flush(out, pending, pendingCharset);
        out.append(value, copied, value.length());
        return out.toString();
    }

    private static void flush(StringBuilder out, ByteArrayOutputStream pending, String charset) {
        if (pending.size() > 0) {
            out.append(CharsetFallback.decode(pending.toByteArray(), charset));
            pending.reset();
        }
    }

    /** One syntactically valid encoded word at a position. */
    private record Word(String charset, char encoding, String text, int end) {

        static Word parse(String s, int at) {
            int charsetEnd = s.indexOf('?', at + 2);
            if (charsetEnd < 0 || charsetEnd == at + 2 || charsetEnd + 2 >= s.length()
                    || s.charAt(charsetEnd + 2) != '?') {
                return null;
            }
            char encoding = Character.toUpperCase(s.charAt(charsetEnd + 1));
            if (encoding != 'B' && encoding != 'Q') {
                return null;
            }
            int textStart = charsetEnd + 3;
            int textEnd = s.indexOf("?=", textStart);
            if (textEnd < 0) {
                return null;
            }
            String charset = s.substring(at + 2, charsetEnd);
            for (int i = 0; i < charset.length(); i++) {
                if (charset.charAt(i) <= ' ') {
                    return null;
                }
            }
            String text = s.substring(textStart, textEnd);
            if (text.indexOf(' ') >= 0 || text.indexOf('\t') >= 0) {
                return null;
            }
            return new Word(charset, encoding, text, textEnd + 2);
        }

        void decodeInto(ByteArrayOutputStream out) {
            if (encoding == 'B') {
                byte[] bytes = TransferEncoding.decodeBase64(text.getBytes(StandardCharsets.ISO_8859_1));
                out.write(bytes, 0, bytes.length);
                return;
            }
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '_') {
                    out.write(' ');
                } else if (c == '=' && i + 2 < text.length() && hex(text.charAt(i + 1)) >= 0
                        && hex(text.charAt(i + 2)) >= 0) {
                    out.write(hex(text.charAt(i + 1)) << 4 | hex(text.charAt(i + 2)));
                    i += 2;
                } else {
                    out.write(c > 0xff ? '?' : c);
                }
            }
        }

        private static int hex(char c) {
            return Character.digit(c, 16);
        }
    }
}
