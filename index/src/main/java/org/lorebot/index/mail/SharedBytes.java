package org.lorebot.index.mail;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import jakarta.mail.internet.SharedInputStream;

/**
 * A byte array as a {@link SharedInputStream}: Jakarta Mail then keeps each part's content as a
 * window on the message's bytes instead of copying it. Unlike Jakarta Mail's own
 * SharedByteArrayInputStream (a synchronized ByteArrayInputStream), reads take no lock; the
 * header parser reads a byte at a time, and the lock was half the cost of parsing a message.
 * Not thread-safe: each stream is used by one parse.
 */
final class SharedBytes extends InputStream implements SharedInputStream {

    private final byte[] bytes;
    private final int start;
    private final int end;
    private int pos;
    private int mark;

    SharedBytes(byte[] bytes) {
        this(bytes, 0, bytes.length);
    }

    private SharedBytes(byte[] bytes, int start, int end) {
        this.bytes = bytes;
        this.start = start;
        this.end = end;
        this.pos = start;
        this.mark = start;
    }

    /**
     * The next line without its LF or CRLF, one char per byte (ISO-8859-1, so raw 8-bit header
     * bytes survive for {@link HeaderText#recover8bit}); null at the end.
     */
    String readLine() {
        if (pos >= end) {
            return null;
        }
        int lineStart = pos;
        int lf = pos;
        while (lf < end && bytes[lf] != '\n') {
            lf++;
        }
        pos = lf < end ? lf + 1 : end;
        int lineEnd = lf > lineStart && bytes[lf - 1] == '\r' ? lf - 1 : lf;
        return new String(bytes, lineStart, lineEnd - lineStart, StandardCharsets.ISO_8859_1);
    }

    /**
     * Whether a header block ends here: nothing is left, or the next line is empty ({@link
     * #readLine} would give "" or null).
     */
    boolean atBlankLine() {
        return pos >= end || bytes[pos] == '\n'
                || (bytes[pos] == '\r' && (pos + 1 == end || bytes[pos + 1] == '\n'));
    }

    /** Skips the next line, reading nothing into a String. */
    void skipLine() {
        int lf = pos;
        while (lf < end && bytes[lf] != '\n') {
            lf++;
        }
        pos = lf < end ? lf + 1 : end;
    }

    /**
     * The name of the header field on the next line: the text before its colon, trimmed, one
     * char per byte; null when the line has no colon. The line is not consumed.
     */
    String fieldName() {
        int colon = pos;
        while (colon < end && bytes[colon] != ':' && bytes[colon] != '\n') {
            colon++;
        }
        if (colon >= end || bytes[colon] != ':') {
            return null;
        }
        return new String(bytes, pos, colon - pos, StandardCharsets.ISO_8859_1).trim();
    }

    /** Whether the next line continues a folded header field (starts with a space or a tab). */
    boolean atFoldedLine() {
        return pos < end && (bytes[pos] == ' ' || bytes[pos] == '\t');
    }

    /** The unread bytes, in one copy (InputStream.readAllBytes copies chunk by chunk). */
    byte[] remaining() {
        byte[] copy = Arrays.copyOfRange(bytes, pos, end);
        pos = end;
        return copy;
    }

    @Override
    public int read() {
        return pos < end ? bytes[pos++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        if (pos >= end) {
            return -1;
        }
        int n = Math.min(len, end - pos);
        System.arraycopy(bytes, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public long skip(long n) {
        long skipped = Math.max(0, Math.min(n, end - pos));
        pos += (int) skipped;
        return skipped;
    }

    @Override
    public int available() {
        return end - pos;
    }

    @Override
    public boolean markSupported() {
        return true;
    }

    @Override
    public void mark(int readLimit) {
        mark = pos;
    }

    @Override
    public void reset() {
        pos = mark;
    }

    @Override
    public long getPosition() {
        return pos - start;
    }

    @Override
    public InputStream newStream(long from, long to) {
        if (from < 0) {
            throw new IllegalArgumentException("negative start " + from);
        }
        int newStart = (int) Math.min(start + from, end);
        int newEnd = to == -1 ? end : (int) Math.min(start + to, end);
        return new SharedBytes(bytes, newStart, Math.max(newStart, newEnd));
    }
}
