package org.lorebot.index.mail;

/**
 * UTF-7 (RFC 2152), which the JDK lacks: ASCII as itself, other characters as UTF-16 in base64
 * between {@code +} and {@code -} ({@code +-} is a plus sign). Bad input decodes to what can be
 * read; the rest is dropped, never thrown.
 */
final class Utf7 {

    private static final String BASE64 =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    private Utf7() {
    }

    static boolean isUtf7(String charsetName) {
        if (charsetName == null) {
            return false;
        }
        String name = charsetName.trim().replace("\"", "");
        return name.equalsIgnoreCase("utf-7") || name.equalsIgnoreCase("utf7")
                || name.equalsIgnoreCase("unicode-1-1-utf-7");
    }

    static String decode(byte[] bytes, int offset, int length) {
        StringBuilder out = new StringBuilder(length);
        int end = offset + length;
        int i = offset;
        while (i < end) {
            char c = (char) (bytes[i] & 0xff);
            if (c != '+') {
                out.append(c);
                i++;
                continue;
            }
            i++;
            if (i < end && bytes[i] == '-') {
                out.append('+');
                i++;
                continue;
            }
            int bits = 0;
            int bitCount = 0;
            while (i < end) {
                int value = BASE64.indexOf(bytes[i] & 0xff);
                if (value < 0) {
                    break;
                }
                bits = (bits << 6) | value;
                bitCount += 6;
                if (bitCount >= 16) {
                    bitCount -= 16;
                    out.append((char) ((bits >>> bitCount) & 0xffff));
                }
                i++;
            }
            if (i < end && bytes[i] == '-') {
                i++; // the '-' only ends the shifted run
            }
        }
        return out.toString();
    }
}
