package org.lorebot.index.mail;

import java.util.Arrays;
import java.util.Locale;

/**
 * Content-Transfer-Encoding decoding that never fails: bad base64 characters are skipped and a
 * dangling partial group is dropped; a malformed quoted-printable escape is kept literally;
 * unknown encodings pass the bytes through.
 */
final class TransferEncoding {

    private static final byte[] BASE64 = new byte[256];

    static {
        Arrays.fill(BASE64, (byte) -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            BASE64[alphabet.charAt(i)] = (byte) i;
        }
        BASE64['-'] = 62; // the URL-safe alphabet, seen from broken senders
        BASE64['_'] = 63;
    }

    private TransferEncoding() {
    }

    /** Decodes {@code raw} under the named encoding (null or unknown: as is). */
    static byte[] decode(byte[] raw, String encoding) {
        if (encoding == null) {
            return raw;
        }
        return switch (encoding.trim().toLowerCase(Locale.ROOT)) {
            case "base64" -> decodeBase64(raw);
            case "quoted-printable" -> decodeQuotedPrintable(raw);
            default -> raw;
        };
    }

    static byte[] decodeBase64(byte[] in) {
        byte[] out = new byte[in.length / 4 * 3 + 3];
        int n = 0;
        int bits = 0;
        int count = 0;
        for (byte b : in) {
            if (b == '=') {
                break; // padding: the data is over
            }
            int v = BASE64[b & 0xff];
            if (v < 0) {
                continue;
            }
            bits = bits << 6 | v;
            if (++count == 4) {
                out[n++] = (byte) (bits >> 16);
                out[n++] = (byte) (bits >> 8);
                out[n++] = (byte) bits;
                bits = 0;
                count = 0;
            }
        }
        if (count == 2) {
            out[n++] = (byte) (bits >> 4);
        } else if (count == 3) {
            out[n++] = (byte) (bits >> 10);
            out[n++] = (byte) (bits >> 2);
        }
        return Arrays.copyOf(out, n);
    }

    static byte[] decodeQuotedPrintable(byte[] in) {
        byte[] out = new byte[in.length];
        int n = 0;
        for (int i = 0; i < in.length; i++) {
            byte b = in[i];
            if (b != '=') {
                out[n++] = b;
                continue;
            }
            int soft = softBreakLength(in, i + 1);
            if (soft >= 0) {
                i += soft;
                continue;
            }
            int hi = i + 1 < in.length ? Character.digit(in[i + 1], 16) : -1;
            int lo = i + 2 < in.length ? Character.digit(in[i + 2], 16) : -1;
            if (hi >= 0 && lo >= 0) {
                out[n++] = (byte) (hi << 4 | lo);
                i += 2;
            } else {
                out[n++] = b;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** After '=': trailing blanks then a line break make a soft break; its length, else -1. */
    private static int softBreakLength(byte[] in, int from) {
        int i = from;
        while (i < in.length && (in[i] == ' ' || in[i] == '\t')) {
            i++;
        }
        if (i < in.length && in[i] == '\r') {
            i++;
        }
        if (i < in.length && in[i] == '\n') {
            return i - from + 1;
        }
        return i == in.length && i > from ? i - from : -1;
    }
}
