package org.lorebot.bot.web;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message's date in its sender's own time zone, as public-inbox shows it: read from the Date
 * header's offset, with UTC beside it. The index keeps only the instant.
 */
final class SenderDate {

    private static final DateTimeFormatter SHOWN =
            DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ROOT);
    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);
    /** The offset at the end of an RFC 5322 date, e.g. {@code +0200} or {@code -0700}. */
    private static final Pattern OFFSET = Pattern.compile("\\s([+-])(\\d\\d)(\\d\\d)(?:\\s*\\(.*\\))?\\s*$");
    private static final int MAX_HEADER = 64 * 1024;

    private SenderDate() {
    }

    /**
     * {@code Tue, 2 Jan 2024 10:00:00 +0200 (08:00 UTC)}: {@code instant} at the offset the
     * sender's Date header gave; in UTC alone when it gave none or the header is unreadable.
     */
    static String format(Instant instant, byte[] raw) {
        Optional<ZoneOffset> offset = offset(raw);
        if (offset.isEmpty() || offset.get().equals(ZoneOffset.UTC)) {
            return MessageView.RFC_DATE.format(instant);
        }
        return SHOWN.format(OffsetDateTime.ofInstant(instant, offset.get())) + " (" + UTC.format(instant) + " UTC)";
    }

    /** The offset of the Date header of {@code raw}, if it has one. */
    static Optional<ZoneOffset> offset(byte[] raw) {
        String[] lines = new String(raw, 0, headerEnd(raw), StandardCharsets.ISO_8859_1).split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].regionMatches(true, 0, "Date:", 0, 5)) {
                StringBuilder value = new StringBuilder(lines[i].substring(5));
                for (int j = i + 1; j < lines.length && !lines[j].isEmpty()
                        && Character.isWhitespace(lines[j].charAt(0)); j++) {
                    value.append(' ').append(lines[j].strip());
                }
                Matcher m = OFFSET.matcher(value);
                if (!m.find()) {
                    return Optional.empty();
                }
                try {
                    int hours = Integer.parseInt(m.group(2));
                    int minutes = Integer.parseInt(m.group(3));
                    int sign = m.group(1).equals("-") ? -1 : 1;
                    return Optional.of(ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes));
                } catch (DateTimeException outOfRange) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Where the header section ends, before its empty line, at most {@value #MAX_HEADER} bytes
     * in: only that much is decoded (a thread page asks for every message's date).
     */
    private static int headerEnd(byte[] raw) {
        int limit = Math.min(raw.length, MAX_HEADER);
        for (int i = 0; i + 1 < limit; i++) {
            if (raw[i] == '\n' && (raw[i + 1] == '\n'
                    || (raw[i + 1] == '\r' && i + 2 < limit && raw[i + 2] == '\n'))) {
                return i;
            }
        }
        return limit;
    }
}
