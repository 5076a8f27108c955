package org.lorebot.bot.web;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.lorebot.index.MailIndex;

/**
 * Messages as a gzip-compressed mboxrd, the format of lore's {@code t.mbox.gz}: each message
 * after a {@code From mboxrd@z} line, with every line that starts with {@code From } behind any
 * number of {@code >} given one more {@code >}, so that the messages read back byte for byte.
 */
final class Mboxrd implements AutoCloseable {

    private static final byte[] SEPARATOR =
            "From mboxrd@z Thu Jan  1 00:00:00 1970\n".getBytes(StandardCharsets.US_ASCII);

    /** Messages read from the index at once. */
    private static final int BATCH = 100;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final OutputStream out;

    Mboxrd() throws IOException {
        // Buffered before the deflater: a message is written a line at a time, and each write
        // straight into GZIPOutputStream is a trip through zlib (it made t.mbox.gz 3x slower
        // than public-inbox's).
        out = new BufferedOutputStream(new GZIPOutputStream(bytes, 64 * 1024), 64 * 1024);
    }

    /**
     * Appends the messages of {@code ids} the index holds, in that order, read {@value #BATCH}
     * at a time: one pass over the index per batch, and a bounded number held at once.
     */
    void add(MailIndex index, List<String> ids) throws IOException {
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<String> batch = ids.subList(from, Math.min(ids.size(), from + BATCH));
            Map<String, byte[]> raw = index.raw(batch);
            for (String id : batch) {
                byte[] message = raw.get(id);
                if (message != null) {
                    add(message);
                }
            }
        }
    }

    /** Appends one message. */
    void add(byte[] raw) throws IOException {
        out.write(SEPARATOR);
        int start = 0;
        while (start < raw.length) {
            int end = start;
            while (end < raw.length && raw[end] != '\n') {
                end++;
            }
            if (needsQuote(raw, start, end)) {
                out.write('>');
            }
            out.write(raw, start, end - start);
            out.write('\n');
            start = end + 1;
        }
        out.write('\n');
    }

    /** {@code >*From } at the start of a line. */
    private static boolean needsQuote(byte[] raw, int start, int end) {
        int i = start;
        while (i < end && raw[i] == '>') {
            i++;
        }
        return end - i >= 5 && raw[i] == 'F' && raw[i + 1] == 'r' && raw[i + 2] == 'o'
                && raw[i + 3] == 'm' && raw[i + 4] == ' ';
    }

    /** The finished gzip file. */
    byte[] finish() throws IOException {
        out.close();
        return bytes.toByteArray();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
