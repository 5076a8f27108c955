package org.lorebot.index.mail;

/**
 * Whether an attachment of no declared text type is text after all: no control characters but
 * the usual whitespace. Bytes of 0x80 and above count as printable, since any charset's letters
 * live there; a NUL or other control byte marks binary data.
 */
final class PrintableText {

    private PrintableText() {
    }

    static boolean isPrintable(byte[] bytes) {
        if (bytes.length == 0) {
            return false;
        }
        for (byte b : bytes) {
            int c = b & 0xff;
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' || c == 0x7f) {
                return false;
            }
        }
        return true;
    }
}
