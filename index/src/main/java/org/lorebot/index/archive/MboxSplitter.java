package org.lorebot.index.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Splits an mbox byte stream into messages, un-escaping {@code >From } lines as it goes. Lines
 * may end in LF or CRLF. Keeps the offset in the stream after each message, the cursor of an
 * mbox. Each byte is looked at once.
 *
 * <p>A {@code From } line starts a message when it opens the stream, follows a blank line, or
 * carries a delivery time ({@code hh:mm[:ss]} and a year, as git mailsplit demands); an
 * unescaped {@code From } sentence inside a body does neither and stays body text. Blank lines
 * before the first message are skipped.
 */
final class MboxSplitter {

    /** One message with its separator line and the stream offset just after it. */
    record Message(byte[] raw, String separator, long end) {
    }

    private static final int BUFFER = 256 * 1024;

    private final InputStream in;
    private final MboxFormat format;
    private final byte[] buffer = new byte[BUFFER];
    private int bufferPos;
    private int bufferEnd;
    private long offset;

    private byte[] line = new byte[256];
    private int lineLength;
    private boolean pendingLine;

    private long skippedBeforeFirst;
    private boolean previousBlank = true;

    private static final Pattern DELIVERY_TIME = Pattern.compile("\\d{1,2}:\\d{2}(?::\\d{2})?\\s.*\\d{4}");

    MboxSplitter(InputStream in, MboxFormat format, long startOffset) {
        this.in = in;
        this.format = format;
        this.offset = startOffset;
    }

    /** Bytes before the first separator line, which belong to no message. */
    long skippedBeforeFirst() {
        return skippedBeforeFirst;
    }

    /** The next message, or null at the end of the stream. */
    Message next() throws IOException {
        String separator = null;
        while (separator == null) {
            if (!pendingLine && !readLine()) {
                return null;
            }
            pendingLine = false;
            if (isSeparator()) {
                separator = new String(line, 0, lineLength, StandardCharsets.ISO_8859_1).strip();
            } else if (!isBlank()) {
                skippedBeforeFirst += lineLength;
            }
            previousBlank = isBlank();
        }
        Body body = new Body();
        previousBlank = false;
        while (readLine()) {
            if (isSeparator()) {
                pendingLine = true;
                previousBlank = true;
                return new Message(body.finish(), separator, offset - lineLength);
            }
            body.append(line, unescapedStart(), lineLength);
            previousBlank = isBlank();
        }
        return new Message(body.finish(), separator, offset);
    }

    private boolean isSeparator() {
        if (!startsWith(0, "From ")) {
            return false;
        }
        return previousBlank || DELIVERY_TIME.matcher(
                new String(line, 5, lineLength - 5, StandardCharsets.ISO_8859_1)).find();
    }

    private boolean isBlank() {
        for (int i = 0; i < lineLength; i++) {
            byte b = line[i];
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    /** Where the line's content starts once one escaping '>' is removed. */
    private int unescapedStart() {
        if (lineLength < 6 || line[0] != '>') {
            return 0;
        }
        if (format == MboxFormat.MBOXO) {
            return startsWith(1, "From ") ? 1 : 0;
        }
        int i = 0;
        while (i < lineLength && line[i] == '>') {
            i++;
        }
        return startsWith(i, "From ") ? 1 : 0;
    }

    private boolean startsWith(int at, String prefix) {
        if (lineLength - at < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (line[at + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Reads one line, terminator included, into {@code line}; false at the end. */
    private boolean readLine() throws IOException {
        lineLength = 0;
        while (true) {
            if (bufferPos == bufferEnd) {
                bufferEnd = in.read(buffer, 0, buffer.length);
                bufferPos = 0;
                if (bufferEnd <= 0) {
                    bufferEnd = 0;
                    return lineLength > 0;
                }
            }
            int start = bufferPos;
            int newline = -1;
            for (int i = start; i < bufferEnd; i++) {
                if (buffer[i] == '\n') {
                    newline = i;
                    break;
                }
            }
            int end = newline < 0 ? bufferEnd : newline + 1;
            int n = end - start;
            if (lineLength + n > line.length) {
                line = Arrays.copyOf(line, Math.max(line.length * 2, lineLength + n));
            }
            System.arraycopy(buffer, start, line, lineLength, n);
            lineLength += n;
            bufferPos = end;
            offset += n;
            if (newline >= 0) {
                return true;
            }
        }
    }

    /** A growing message; the blank line the mbox writer put before the next separator is dropped. */
    private static final class Body {
        private byte[] bytes = new byte[8 * 1024];
        private int length;

        void append(byte[] src, int from, int to) {
            int n = to - from;
            if (length + n > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + n));
            }
            System.arraycopy(src, from, bytes, length, n);
            length += n;
        }

        byte[] finish() {
            int end = length;
            if (end >= 2 && bytes[end - 1] == '\n' && bytes[end - 2] == '\n') {
                end--;
            } else if (end >= 4 && bytes[end - 1] == '\n' && bytes[end - 2] == '\r'
                    && bytes[end - 3] == '\n' && bytes[end - 4] == '\r') {
                end -= 2;
            }
            return Arrays.copyOf(bytes, end);
        }
    }
}
