package org.lorebot.index.mail;

import java.io.InputStream;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;

/**
 * Reads a header block (up to and including the blank line) from a {@link SharedBytes} directly.
 * Jakarta Mail's own loader looks its line reader up through a ServiceLoader on every call and
 * reads a byte per virtual call; for archive-sized imports that was a third of the parsing time.
 * A folded field is joined here and added once: {@link InternetHeaders#addHeaderLine} appends
 * each continuation line to a String, which copies the field again for every line (Received,
 * long To and Cc lists, DKIM signatures).
 */
final class HeaderLines {

    private HeaderLines() {
    }

    static InternetHeaders read(InputStream in) throws MessagingException {
        if (!(in instanceof SharedBytes bytes)) {
            return new InternetHeaders(in, false);
        }
        InternetHeaders headers = new InternetHeaders();
        for (String line = bytes.readLine(); line != null && !line.isEmpty(); line = bytes.readLine()) {
            headers.addHeaderLine(bytes.atFoldedLine() ? wholeField(line, bytes) : line);
        }
        return headers;
    }

    /** A field's first line and its continuation lines, joined by CRLF as Jakarta Mail keeps them. */
    private static String wholeField(String first, SharedBytes bytes) {
        StringBuilder field = new StringBuilder(2 * first.length());
        field.append(first);
        while (bytes.atFoldedLine()) {
            field.append("\r\n").append(bytes.readLine());
        }
        return field.toString();
    }
}
