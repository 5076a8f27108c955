package org.lorebot.index.archive;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The delivery time an mbox separator carries ({@code From sender Thu Jan  2 08:14:25 2023}, C's
 * asctime layout), as UTC. A line in exactly that layout with every field valid is read field
 * by field; anything else (other widths, an impossible date, a weekday that does not match the
 * date) goes to java.time's parser, so the answers are its answers at a fraction of its cost,
 * which was paid once per message.
 */
final class SeparatorTime {

    private static final DateTimeFormatter ASCTIME =
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT);
    private static final String WEEKDAYS = "MonTueWedThuFriSatSun";
    private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";
    /** {@code Www Mmm dd hh:mm:ss yyyy} */
    private static final int LENGTH = 24;

    private SeparatorTime() {
    }

    /** The time of {@code separator}, or null when it has none or lore's placeholder. */
    static Instant of(String separator) {
        int space = separator.indexOf(' ', 5);
        if (space < 0) {
            return null;
        }
        String date = separator.substring(space + 1).strip();
        LocalDateTime time = plainlyValid(date);
        if (time == null) {
            try {
                time = LocalDateTime.parse(date, ASCTIME);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        // "From mboxrd@z Thu Jan  1 00:00:00 1970" is lore's placeholder, not a time
        return time.getYear() == 1970 && time.getDayOfYear() == 1 ? null : time.toInstant(ZoneOffset.UTC);
    }

    /** The time when {@code date} is in the exact layout and valid in every field, else null. */
    private static LocalDateTime plainlyValid(String date) {
        if (date.length() != LENGTH || date.charAt(3) != ' ' || date.charAt(7) != ' '
                || date.charAt(10) != ' ' || date.charAt(13) != ':' || date.charAt(16) != ':'
                || date.charAt(19) != ' ') {
            return null;
        }
        int weekday = name(WEEKDAYS, date, 0);
        int month = name(MONTHS, date, 4);
        int day = date.charAt(8) == ' ' ? number(date, 9, 10) : number(date, 8, 10);
        int hour = number(date, 11, 13);
        int minute = number(date, 14, 16);
        int second = number(date, 17, 19);
        int year = number(date, 20, 24);
        if (weekday < 1 || month < 1 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59 || year < 1
                || day > Month.of(month).length(Year.isLeap(year))) {
            return null;
        }
        LocalDate calendarDay = LocalDate.of(year, month, day);
        if (calendarDay.getDayOfWeek().getValue() != weekday) {
            return null;
        }
        return calendarDay.atTime(hour, minute, second);
    }

    /** 1 + the index of the three letters at {@code at} in {@code names}, or -1. */
    private static int name(String names, String s, int at) {
        for (int i = 0; i < names.length(); i += 3) {
            if (names.regionMatches(i, s, at, 3)) {
                return i / 3 + 1;
            }
        }
        return -1;
    }

    /** The ASCII decimal number in {@code s[from, to)}, or -1. */
    private static int number(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
