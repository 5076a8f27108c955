package org.lorebot.config;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * One {@code [subscriber "ADDR"]} section: a digest the operator vouches for, so it needs no
 * confirmation by mail.
 *
 * @param address          the subscriber's mail address, lower case
 * @param lists            inboxes whose traffic the digest covers; empty means every inbox
 * @param paths            kernel file patterns in the MAINTAINERS {@code F:} syntax
 * @param maintainersEntry the title of a MAINTAINERS entry whose {@code F: X: N: K:} lines
 *                         select the files, empty when none
 * @param queries          saved searches in the public-inbox query language
 * @param minSeverity      the lowest finding severity listed: {@code info}, {@code warning}
 *                         (default) or {@code error}
 * @param frequency        daily (default) or weekly
 * @param hour             the local hour (0-23) from which a digest is due (default 8)
 * @param day              the day a weekly digest is due (default Monday)
 * @param timezone         the zone {@code hour} and {@code day} are read in (default UTC)
 */
public record SubscriberConfig(String address, List<String> lists, List<String> paths,
                               String maintainersEntry, List<String> queries, String minSeverity,
                               Frequency frequency, int hour, DayOfWeek day, ZoneId timezone) {

    /** How often a digest goes out. */
    public enum Frequency {
        DAILY, WEEKLY
    }

    public static final int DEFAULT_HOUR = 8;

    public SubscriberConfig {
        Objects.requireNonNull(address, "address");
        lists = List.copyOf(lists);
        paths = List.copyOf(paths);
        maintainersEntry = maintainersEntry == null ? "" : maintainersEntry;
        queries = List.copyOf(queries);
        Objects.requireNonNull(minSeverity, "minSeverity");
        Objects.requireNonNull(frequency, "frequency");
        if (hour < 0 || hour > 23) {
            throw new IllegalArgumentException("hour out of range: " + hour);
        }
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(timezone, "timezone");
    }
}
