package org.lorebot.bot.subscription;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lorebot.analyzers.finding.Severity;
import org.lorebot.bot.maintainers.FilePattern;
import org.lorebot.config.SubscriberConfig;
import org.lorebot.config.SubscriberConfig.Frequency;

/**
 * What a subscriber's digest covers and when it goes out: the keys of a {@code [subscriber]}
 * section. In a subscribe mail and in the state file they are written one per line,
 * {@code key: value} (or {@code key = value}), {@code query} once per saved search.
 *
 * @param lists            inboxes covered; empty means every inbox
 * @param paths            file patterns in the MAINTAINERS {@code F:} syntax
 * @param maintainersEntry a MAINTAINERS entry title, empty when none
 * @param queries          saved searches
 * @param minSeverity      the lowest severity of findings listed
 * @param frequency        daily or weekly
 * @param hour             the local hour a digest becomes due
 * @param day              the day a weekly digest becomes due
 * @param zone             the zone of {@code hour} and {@code day}
 */
public record Preferences(List<String> lists, List<String> paths, String maintainersEntry,
                          List<String> queries, Severity minSeverity, Frequency frequency, int hour,
                          DayOfWeek day, ZoneId zone) {

    /** The keys a subscribe mail may set. */
    public static final List<String> KEYS = List.of("lists", "paths", "maintainers-entry", "query",
            "min-severity", "frequency", "hour", "day", "timezone");

    private static final Pattern LINE = Pattern.compile("^\\s*([A-Za-z-]+)\\s*[:=]\\s*(.*?)\\s*$");

    public Preferences {
        lists = List.copyOf(lists);
        paths = List.copyOf(paths);
        maintainersEntry = maintainersEntry == null ? "" : maintainersEntry.strip();
        queries = List.copyOf(queries);
        Objects.requireNonNull(minSeverity, "minSeverity");
        Objects.requireNonNull(frequency, "frequency");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(zone, "zone");
        if (hour < 0 || hour > 23) {
            throw new IllegalArgumentException("hour out of range: " + hour);
        }
    }

    /** The preferences of a {@code [subscriber]} section. */
    public static Preferences of(SubscriberConfig c) {
        return new Preferences(c.lists(), c.paths(), c.maintainersEntry(), c.queries(),
                Severity.parse(c.minSeverity()), c.frequency(), c.hour(), c.day(), c.timezone());
    }

    /** Whether anything is chosen at all. */
    public boolean choosesSomething() {
        return !lists.isEmpty() || !paths.isEmpty() || !maintainersEntry.isEmpty() || !queries.isEmpty();
    }

    /** Whether the digest has an area of files or lists (beyond saved searches). */
    public boolean hasArea() {
        return !lists.isEmpty() || !paths.isEmpty() || !maintainersEntry.isEmpty();
    }

    /**
     * Reads {@code key: value} lines; lines that are not about a known key (greetings, a
     * signature, quoted text) are ignored. Unset keys keep the defaults of a {@code [subscriber]}
     * section.
     *
     * @param knownLists the configured inboxes a subscriber may choose from
     * @throws PreferenceException when a known key has a value that cannot be used
     */
    public static Preferences parse(String text, Collection<String> knownLists) throws PreferenceException {
        return parse(text, knownLists::contains, knownLists);
    }

    private static Preferences parse(String text, Predicate<String> listKnown, Collection<String> knownLists)
            throws PreferenceException {
        List<String> lists = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        String entry = "";
        List<String> queries = new ArrayList<>();
        Severity severity = Severity.WARNING;
        Frequency frequency = Frequency.DAILY;
        int hour = SubscriberConfig.DEFAULT_HOUR;
        DayOfWeek day = DayOfWeek.MONDAY;
        ZoneId zone = ZoneOffset.UTC;
        for (String raw : text.split("\r?\n")) {
            if (raw.startsWith(">")) {
                continue;
            }
            Matcher m = LINE.matcher(raw);
            if (!m.matches()) {
                continue;
            }
            String key = m.group(1).toLowerCase(Locale.ROOT);
            String value = m.group(2);
            switch (key) {
                case "lists", "list" -> {
                    for (String l : words(value)) {
                        if (!listKnown.test(l)) {
                            throw new PreferenceException("lists: '" + l + "' is not a list lorebot reads"
                                    + (knownLists.isEmpty() ? "" : " (it reads " + String.join(", ", knownLists) + ")"));
                        }
                        if (!lists.contains(l)) {
                            lists.add(l);
                        }
                    }
                }
                case "paths", "path" -> {
                    for (String p : words(value)) {
                        try {
                            FilePattern.of(p);
                        } catch (IllegalArgumentException e) {
                            throw new PreferenceException("paths: " + e.getMessage());
                        }
                        paths.add(p);
                    }
                }
                case "maintainers-entry" -> entry = value;
                case "query" -> {
                    if (!value.isEmpty()) {
                        queries.add(value);
                    }
                }
                case "min-severity" -> {
                    try {
                        severity = Severity.parse(value);
                    } catch (IllegalArgumentException e) {
                        throw new PreferenceException("min-severity: " + e.getMessage());
                    }
                }
                case "frequency" -> frequency = switch (value.toLowerCase(Locale.ROOT)) {
                    case "daily" -> Frequency.DAILY;
                    case "weekly" -> Frequency.WEEKLY;
                    default -> throw new PreferenceException("frequency: '" + value + "' is not daily or weekly");
                };
                case "hour" -> hour = hour(value);
                case "day" -> day = day(value);
                case "timezone" -> {
                    try {
                        zone = ZoneId.of(value);
                    } catch (DateTimeException e) {
                        throw new PreferenceException("timezone: '" + value
                                + "' is not a time zone (e.g. UTC, Europe/Berlin)");
                    }
                }
                default -> {
                    // not a preference: prose around them
                }
            }
        }
        return new Preferences(lists, paths, entry, queries, severity, frequency, hour, day, zone);
    }

    private static int hour(String value) throws PreferenceException {
        try {
            int h = Integer.parseInt(value);
            if (h >= 0 && h <= 23) {
                return h;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new PreferenceException("hour: '" + value + "' is not an hour from 0 to 23");
    }

    private static DayOfWeek day(String value) throws PreferenceException {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().equalsIgnoreCase(value)) {
                return d;
            }
        }
        throw new PreferenceException("day: '" + value + "' is not a day of the week (monday ... sunday)");
    }

    private static List<String> words(String value) {
        List<String> out = new ArrayList<>();
        for (String w : value.split("[,\\s]+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    /** The preferences as {@code key: value} lines, which {@link #parse} reads back. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        if (!lists.isEmpty()) {
            sb.append("lists: ").append(String.join(" ", lists)).append('\n');
        }
        if (!paths.isEmpty()) {
            sb.append("paths: ").append(String.join(" ", paths)).append('\n');
        }
        if (!maintainersEntry.isEmpty()) {
            sb.append("maintainers-entry: ").append(maintainersEntry).append('\n');
        }
        for (String q : queries) {
            sb.append("query: ").append(q).append('\n');
        }
        sb.append("min-severity: ").append(minSeverity.word()).append('\n');
        sb.append("frequency: ").append(frequency.name().toLowerCase(Locale.ROOT)).append('\n');
        sb.append("hour: ").append(hour).append('\n');
        if (frequency == Frequency.WEEKLY) {
            sb.append("day: ").append(day.name().toLowerCase(Locale.ROOT)).append('\n');
        }
        sb.append("timezone: ").append(zone.getId()).append('\n');
        return sb.toString();
    }

    /** Reads what {@link #format} wrote (stored preferences were checked when they were made). */
    public static Preferences decode(String stored) {
        try {
            return parse(stored, l -> true, List.of());
        } catch (PreferenceException e) {
            throw new IllegalStateException("stored digest preferences do not parse: " + e.getMessage(), e);
        }
    }
}
