package org.lorebot.index.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SeparatorTimeTest {

    /** How separator times were read before: java.time's parser on every line. */
    private static final DateTimeFormatter ASCTIME =
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT);

    private static Instant byJavaTime(String separator) {
        int space = separator.indexOf(' ', 5);
        if (space < 0) {
            return null;
        }
        try {
            LocalDateTime time = LocalDateTime.parse(separator.substring(space + 1).strip(), ASCTIME);
            return time.getYear() == 1970 && time.getDayOfYear() == 1 ? null : time.toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Test
    void readsDeliveryTimesAndSkipsLoresPlaceholder() {
        assertEquals(Instant.parse("2023-01-02T08:14:25Z"), SeparatorTime.of("From a@x Mon Jan  2 08:14:25 2023"));
        assertEquals(Instant.parse("2024-02-29T23:59:59Z"), SeparatorTime.of("From a@x Thu Feb 29 23:59:59 2024"));
        assertNull(SeparatorTime.of("From mboxrd@z Thu Jan  1 00:00:00 1970"));
        assertNull(SeparatorTime.of("From git@z"));
    }

    @Test
    void oddSeparatorsGetJavaTimesAnswer() {
        List<String> odd = List.of(
                "From a@x Mon Jan 2 08:14:25 2023", "From a@x Mon Jan 02 08:14:25 2023",
                "From a@x Tue Jan  2 08:14:25 2023", "From a@x mon jan  2 08:14:25 2023",
                "From a@x Monday Jan  2 08:14:25 2023", "From a@x Mon Jan  2 08:14 2023",
                "From a@x Mon Jan  2 8:14:25 2023", "From a@x Mon Jan  2 24:00:00 2023",
                "From a@x Mon Jan  2 08:60:25 2023", "From a@x Mon Jan  2 08:14:60 2023",
                "From a@x Wed Feb 30 08:14:25 2022", "From a@x Tue Feb 29 08:14:25 2022",
                "From a@x Mon Feb 29 00:00:00 2100", "From a@x Sat Jan  1 00:00:00 0000",
                "From a@x Mon Jan  0 08:14:25 2023", "From a@x Mon Jan 32 08:14:25 2023",
                "From a@x Mon Jan  2 08:14:25 12023", "From a@x Mon Jan  2 08:14:25 +2023",
                "From a@x Mon Jan  2 08:14:25 2023 +0100", "From a@x  Mon Jan  2 08:14:25 2023",
                "From a@x Mon Jan  2 08:14:25 2023  ", "From a@x Mon\tJan  2 08:14:25 2023",
                "From a@x Mon Jan  2 08:14:25 ２０２３", "From a@x Mon Jan  2 08:14:25 -023",
                "From a@x Fri Jan  1 00:00:00 1970", "From a@x Thu Jan  1 00:00:01 1970",
                "From  Thu Jan  1 00:00:00 1970", "From a@x", "From ", "From a@x ");
        for (String separator : odd) {
            assertEquals(byJavaTime(separator), SeparatorTime.of(separator), separator);
        }
    }

    @Test
    void everyDayOfTwoCenturiesWithEveryWeekdayMatchesJavaTime() {
        List<String> separators = new ArrayList<>();
        for (LocalDate day = LocalDate.of(1896, 1, 6); day.getYear() < 2105; day = day.plusDays(7)) {
            for (DayOfWeek weekday : DayOfWeek.values()) {
                LocalDate date = day.plusDays(weekday.ordinal());
                String name = weekday.getDisplayName(java.time.format.TextStyle.SHORT, Locale.ENGLISH);
                separators.add(String.format(Locale.ROOT, "From a@x %s %s %2d %02d:%02d:%02d %04d", name,
                        date.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, Locale.ENGLISH),
                        date.getDayOfMonth(), date.getDayOfYear() % 24, date.getDayOfMonth() * 2 - 1,
                        date.getYear() % 60, date.getYear()));
                // every weekday name with the week's first date: right for one of the seven
                separators.add(String.format(Locale.ROOT, "From a@x %s %s %2d 12:00:00 %04d", name,
                        day.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, Locale.ENGLISH),
                        day.getDayOfMonth(), day.getYear()));
            }
        }
        int withTime = 0;
        for (String separator : separators) {
            Instant expected = byJavaTime(separator);
            assertEquals(expected, SeparatorTime.of(separator), separator);
            withTime += expected == null ? 0 : 1;
        }
        // the generated lines are mostly valid ones, so the hand-read path is what is compared
        assertTrue(withTime > separators.size() / 2, withTime + " of " + separators.size());
    }
}
