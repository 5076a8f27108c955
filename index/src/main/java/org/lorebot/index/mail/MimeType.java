package org.lorebot.index.mail;

import java.util.Locale;

import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.ParseException;

/**
 * A Content-Type as the body walker needs it. Parsed with Jakarta Mail; a header it rejects is
 * read leniently (type before the first ';', parameters by name) instead of being lost.
 *
 * @param type    lower-case {@code type/subtype}
 * @param charset the charset parameter, or null
 * @param name    the name parameter, or null
 * @param format  the format parameter ({@code flowed}), or null
 * @param delsp   the delsp parameter, or null
 */
record MimeType(String type, String charset, String name, String format, String delsp) {

    static final MimeType TEXT_PLAIN = new MimeType("text/plain", null, null, null, null);

    static MimeType parse(String header) {
        if (header == null || header.isBlank()) {
            return TEXT_PLAIN;
        }
        String value = HeaderText.unfold(header);
        try {
            ContentType ct = new ContentType(value);
            String type = (ct.getPrimaryType() + "/" + ct.getSubType()).toLowerCase(Locale.ROOT);
            return new MimeType(type, ct.getParameter("charset"), ct.getParameter("name"),
                    ct.getParameter("format"), ct.getParameter("delsp"));
        } catch (ParseException | RuntimeException e) {
            return lenient(value);
        }
    }

    /** A text/plain part sent as RFC 3676 format=flowed. */
    boolean isFlowed() {
        return is("text/plain") && "flowed".equalsIgnoreCase(format);
    }

    boolean deletesSpace() {
        return "yes".equalsIgnoreCase(delsp);
    }

    private static MimeType lenient(String value) {
        int semicolon = value.indexOf(';');
        String type = (semicolon < 0 ? value : value.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
        if (type.indexOf('/') <= 0) {
            type = "text/plain"; // RFC 2045: an unusable type means text/plain
        }
        return new MimeType(type, parameter(value, "charset"), parameter(value, "name"),
                parameter(value, "format"), parameter(value, "delsp"));
    }

    private static String parameter(String value, String name) {
        String lower = value.toLowerCase(Locale.ROOT);
        int at = lower.indexOf(name + "=");
        while (at > 0 && Character.isLetterOrDigit(lower.charAt(at - 1))) {
            at = lower.indexOf(name + "=", at + 1);
        }
        if (at < 0) {
            return null;
        }
        int start = at + name.length() + 1;
        if (start < value.length() && value.charAt(start) == '"') {
            int end = value.indexOf('"', start + 1);
            return value.substring(start + 1, end < 0 ? value.length() : end);
        }
        int end = start;
        while (end < value.length() && value.charAt(end) != ';' && !Character.isWhitespace(value.charAt(end))) {
            end++;
        }
        return end > start ? value.substring(start, end) : null;
    }

    boolean isMultipart() {
        return type.startsWith("multipart/");
    }

    boolean is(String other) {
        return type.equals(other);
    }

    boolean isText() {
        return type.startsWith("text/");
    }
}
