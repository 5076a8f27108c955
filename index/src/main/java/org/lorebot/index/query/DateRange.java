package org.lorebot.index.query;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The value of a {@code d:} search: {@code YYYYMMDD..YYYYMMDD}, open ranges {@code ..YYYYMMDD} and
 * {@code YYYYMMDD..}, or one day {@code YYYYMMDD}; dates may also be written {@code YYYY-MM-DD} or
 * to the second, {@code YYYYMMDDHHMMSS}. Times are UTC, as public-inbox keeps them.
 *
 * <p>Both ends are inclusive, whole days: {@code d:20191001..20191031} covers October 1st
 * 00:00:00 to October 31st 23:59:59 UTC, as public-inbox 1.9 answers (checked against its
 * results on linux-mtd). A date given to the second is that second.
 *
 * @param from first second included (epoch seconds), {@link Long#MIN_VALUE} when open
 * @param to   last second included (epoch seconds), {@link Long#MAX_VALUE} when open
 */
public record DateRange(long from, long to) {

    private static final Pattern COMPACT_DAY = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern DASHED_DAY = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern SECOND = Pattern.compile("\\d{14}");

    /** Parses a {@code d:} value; the exception names the part that is not a date. */
    public static DateRange parse(String value) throws IllegalArgumentException {
        int dots = value.indexOf("..");
        if (dots < 0) {
            return new DateRange(instant(value), endOf(value));
        }
        String low = value.substring(0, dots);
        String high = value.substring(dots + 2);
        if (low.isEmpty() && high.isEmpty()) {
            throw new IllegalArgumentException("date range '..' has neither start nor end");
        }
        long from = low.isEmpty() ? Long.MIN_VALUE : instant(low);
        long to = high.isEmpty() ? Long.MAX_VALUE : endOf(high);
        if (from > to) {
            throw new IllegalArgumentException("date range '" + value + "' ends before it starts");
        }
        return new DateRange(from, to);
    }

    /** The last second a date covers: its whole day, or itself when given to the second. */
    private static long endOf(String text) {
        long start = instant(text);
        return SECOND.matcher(text).matches() ? start : start + 86_399;
    }

    private static long instant(String text) {
        try {
            Matcher m = COMPACT_DAY.matcher(text);
            if (!m.matches()) {
                m = DASHED_DAY.matcher(text);
            }
            if (m.matches()) {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3))).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
            }
            if (SECOND.matcher(text).matches()) {
                return LocalDateTime.parse(text, DateTimeFormatter.ofPattern("yyyyMMddHHmmss"))
                        .toEpochSecond(ZoneOffset.UTC);
            }
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("'" + text + "' is not a valid date: "
                    + e.getMessage(), e);
        }
        throw new IllegalArgumentException("'" + text
                + "' is not a date (expected YYYYMMDD, YYYY-MM-DD or YYYYMMDDHHMMSS)");
    }
}
