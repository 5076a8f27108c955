package org.lorebot.index.query;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * The value of a {@code d:}, {@code dt:} or {@code rt:} search: {@code FROM..TO}, open ranges
 * {@code ..TO} and {@code FROM..}, or one date. Each end is a day ({@code YYYYMMDD},
 * {@code YYYY-MM-DD}), a second ({@code YYYYMMDDhhmmss}) or a time relative to now as git's
 * approxidate reads it ({@link RelativeDate}: {@code 2.weeks.ago}, {@code yesterday},
 * {@code last.month}). Times are UTC, as public-inbox keeps them.
 *
 * <p>Both ends are inclusive, whole days: {@code d:20191001..20191031} covers October 1st
 * 00:00:00 to October 31st 23:59:59 UTC, as public-inbox 1.9 answers (checked against its
 * results on linux-mtd). A lone day means that day; public-inbox's approxidate reads
 * {@code d:20240105} as a range of two days, which is a deliberate difference. A date given to
 * the second, or relative to now, is that second.
 *
 * @param from first second included (epoch seconds), {@link Long#MIN_VALUE} when open
 * @param to   last second included (epoch seconds), {@link Long#MAX_VALUE} when open
 */
public record DateRange(long from, long to) {

    /** Parses a value against the current time. */
    public static DateRange parse(String value) throws IllegalArgumentException {
        return parse(value, Instant.now());
    }

    /**
     * Parses a value; relative dates count back from {@code now}.
     *
     * @throws IllegalArgumentException naming the part that is not a date
     */
    public static DateRange parse(String value, Instant now) throws IllegalArgumentException {
        int dots = value.indexOf("..");
        if (dots < 0) {
            Moment moment = moment(value, now);
            return new DateRange(moment.first, moment.last);
        }
        String low = value.substring(0, dots);
        String high = value.substring(dots + 2);
        if (low.isEmpty() && high.isEmpty()) {
            throw new IllegalArgumentException("date range '..' has neither start nor end");
        }
        long from = low.isEmpty() ? Long.MIN_VALUE : moment(low, now).first;
        long to = high.isEmpty() ? Long.MAX_VALUE : moment(high, now).last;
        if (from > to) {
            throw new IllegalArgumentException("date range '" + value + "' ends before it starts");
        }
        return new DateRange(from, to);
    }

    /** The seconds a written date covers: a whole day, or one second. */
    private record Moment(long first, long last) {
    }

    private static Moment moment(String text, Instant now) {
        String digits = text.replace("-", "");
        boolean dashed = digits.length() != text.length();
        if (digits.length() == 8 && isDigits(digits) && (!dashed || text.matches("\\d{4}-\\d{2}-\\d{2}"))) {
            long start = day(text, digits).toEpochSecond(java.time.LocalTime.MIDNIGHT, ZoneOffset.UTC);
            return new Moment(start, start + 86_399);
        }
        if (!dashed && text.length() == 14 && isDigits(text)) {
            long second = second(text);
            return new Moment(second, second);
        }
        ZonedDateTime relative = RelativeDate.parse(text, now.atZone(ZoneOffset.UTC));
        if (relative == null) {
            throw new IllegalArgumentException("'" + text + "' is not a date (write YYYYMMDD,"
                    + " YYYY-MM-DD, YYYYMMDDhhmmss or a relative date such as 2.weeks.ago)");
        }
        long second = relative.toEpochSecond();
        return new Moment(second, second);
    }

    private static LocalDate day(String text, String digits) {
        int year = Integer.parseInt(digits.substring(0, 4));
        int month = Integer.parseInt(digits.substring(4, 6));
        int day = Integer.parseInt(digits.substring(6, 8));
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + text + "' is not a calendar date"
                    + (month < 1 || month > 12 ? " (there is no month " + month + ")"
                    : " (" + Month.of(month).getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " "
                    + year + " has no day " + day + ")"), e);
        }
    }

    private static long second(String text) {
        LocalDate date = day(text, text.substring(0, 8));
        int hour = Integer.parseInt(text.substring(8, 10));
        int minute = Integer.parseInt(text.substring(10, 12));
        int second = Integer.parseInt(text.substring(12, 14));
        if (hour > 23 || minute > 59 || second > 59) {
            throw new IllegalArgumentException("'" + text + "' is not a time of day (hhmmss is "
                    + text.substring(8) + ")");
        }
        return LocalDateTime.of(date, java.time.LocalTime.of(hour, minute, second))
                .toEpochSecond(ZoneOffset.UTC);
    }

    private static boolean isDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return !text.isEmpty();
    }
}
