package org.lorebot.index.mail;

import java.io.InputStream;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;

/**
 * Reads a header block (up to and including the blank line) from a {@link SharedBytes} directly.
 * Jakarta Mail's own loader looks its line reader up through a ServiceLoader on every call and
 * reads a byte per virtual call; for archive-sized imports that was a third of the parsing time.
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
            headers.addHeaderLine(line);
        }
        return headers;
    }
}
