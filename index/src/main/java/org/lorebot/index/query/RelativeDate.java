package org.lorebot.index.query;

import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The relative dates lore users type, read as git's approxidate reads them: {@code now},
 * {@code yesterday} (this time a day ago), {@code N.UNIT.ago} and {@code last.UNIT} (one unit
 * ago), with units second, minute, hour, day, week, month, year (singular or plural; {@code .},
 * {@code _} or nothing between the parts). The result keeps the time of day, as git's does.
 */
final class RelativeDate {

    private static final Pattern AGO = Pattern.compile("(\\d+)[._]?([a-z]+?)s?[._]ago");
    private static final Pattern LAST = Pattern.compile("last[._]([a-z]+?)s?");
    private static final Map<String, ChronoUnit> UNITS = Map.of(
            "second", ChronoUnit.SECONDS, "minute", ChronoUnit.MINUTES,
            "hour", ChronoUnit.HOURS, "day", ChronoUnit.DAYS, "week", ChronoUnit.WEEKS,
            "month", ChronoUnit.MONTHS, "year", ChronoUnit.YEARS);

    private RelativeDate() {
    }

    /** The time {@code text} names, counted back from {@code now}; null when it names none. */
    static ZonedDateTime parse(String text, ZonedDateTime now) {
        String t = text.toLowerCase(Locale.ROOT);
        if (t.equals("now") || t.equals("today")) {
            return now;
        }
        if (t.equals("yesterday")) {
            return now.minusDays(1);
        }
        Matcher m = AGO.matcher(t);
        if (m.matches()) {
            ChronoUnit unit = UNITS.get(m.group(2));
            if (unit == null || m.group(1).length() > 6) {
                return null;
            }
            return now.minus(Long.parseLong(m.group(1)), unit);
        }
        m = LAST.matcher(t);
        if (m.matches()) {
            ChronoUnit unit = UNITS.get(m.group(1));
            return unit == null ? null : now.minus(1, unit);
        }
        return null;
    }
}
