package org.lorebot.index.mail;

import java.io.InputStream;
import java.util.Locale;
import java.util.Set;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;

/**
 * Reads a header block (up to and including the blank line) from a {@link SharedBytes} directly.
 * Jakarta Mail's own loader looks its line reader up through a ServiceLoader on every call and
 * reads a byte per virtual call; for archive-sized imports that was a third of the parsing time.
 *
 * <p>Only the fields lorebot reads are kept ({@link #READ}). Archived mail carries forty to
 * fifty fields, most of them Received chains and DKIM and ARC signatures folded over many
 * lines (half the bytes of a linux-mtd message), and every header look-up scans them all. The
 * skipped ones are passed over byte by byte, never made into Strings; the message's bytes are
 * stored whole elsewhere, so nothing is lost.
 */
final class HeaderLines {

    /**
     * The fields MailParser and BodyText ask for, lower-cased; of Received only the first. A
     * field read anywhere else must be added here, or its look-up finds nothing.
     */
    private static final Set<String> READ = Set.of("message-id", "from", "to", "cc", "subject",
            "date", "in-reply-to", "references", "list-id", "content-type",
            "content-transfer-encoding", "content-disposition");
    private static final String RECEIVED = "received";

    private HeaderLines() {
    }

    static InternetHeaders read(InputStream in) throws MessagingException {
        if (!(in instanceof SharedBytes bytes)) {
            return new InternetHeaders(in, false);
        }
        InternetHeaders headers = new InternetHeaders();
        boolean received = false;
        while (!bytes.atBlankLine()) {
            String name = bytes.fieldName();
            String field = null;
            if (name == null) { // no colon on its first line: named as Jakarta Mail names it
                field = wholeField(bytes);
                int colon = field.indexOf(':');
                name = (colon < 0 ? field : field.substring(0, colon)).trim();
            }
            // header names are bytes one per char: lower-casing them matches as equalsIgnoreCase
            String key = name.toLowerCase(Locale.ROOT);
            boolean firstReceived = !received && key.equals(RECEIVED);
            received |= firstReceived;
            if (firstReceived || READ.contains(key)) {
                headers.addHeaderLine(field != null ? field : wholeField(bytes));
            } else if (field == null) {
                bytes.skipLine();
                while (bytes.atFoldedLine()) {
                    bytes.skipLine();
                }
            }
        }
        bytes.skipLine(); // the blank line
        return headers;
    }

    /**
     * A field's first line and its continuation lines, joined by CRLF as Jakarta Mail keeps them.
     * Joined here and added once: {@link InternetHeaders#addHeaderLine} appends each continuation
     * line to a String, which copies the field again for every line.
     */
    private static String wholeField(SharedBytes bytes) {
        String first = bytes.readLine();
        if (!bytes.atFoldedLine()) {
            return first;
        }
        StringBuilder field = new StringBuilder(2 * first.length());
        field.append(first);
        while (bytes.atFoldedLine()) {
            field.append("\r\n").append(bytes.readLine());
        }
        return field.toString();
    }
}
