package org.lorebot.config;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Reads every {@code [subscriber "ADDR"]} section, with the loader's line-numbered errors. */
final class SubscriberSections {

    private static final String SECTION = "subscriber";

    private final ConfigReader reader;
    private final List<InboxConfig> inboxes;
    private final DigestConfig digest;

    SubscriberSections(ConfigReader reader, List<InboxConfig> inboxes, DigestConfig digest) {
        this.reader = reader;
        this.inboxes = inboxes;
        this.digest = digest;
    }

    List<SubscriberConfig> read() throws ConfigException {
        // Addresses are case-insensitive: two sections for one mailbox would be two digests.
        Map<String, String> seen = new TreeMap<>();
        List<SubscriberConfig> out = new ArrayList<>();
        for (String name : reader.sectionNames(SECTION)) {
            String address = name.toLowerCase(Locale.ROOT);
            if (seen.containsKey(address)) {
                throw reader.sectionError(SECTION, name, "the same address as [subscriber \""
                        + seen.get(address) + "\"]; merge the two sections");
            }
            seen.put(address, name);
            out.add(subscriber(name, address));
        }
        return out;
    }

    private SubscriberConfig subscriber(String name, String address) throws ConfigException {
        List<String> lists = new ArrayList<>();
        List<String> names = inboxes.stream().map(InboxConfig::name).toList();
        for (Setting s : reader.words(SECTION, name, "lists")) {
            if (!names.contains(s.value())) {
                throw s.error("'" + s.value() + "' is not a configured inbox"
                        + Suggestion.didYouMean(s.value(), names));
            }
            if (!lists.contains(s.value())) {
                lists.add(s.value());
            }
        }
        List<String> paths = new ArrayList<>();
        for (Setting s : reader.words(SECTION, name, "paths")) {
            if (s.value().startsWith("/")) {
                throw s.error("'" + s.value() + "' is absolute; kernel paths are relative to the"
                        + " source tree (e.g. drivers/dma/)");
            }
            paths.add(s.value());
        }
        String entry = "";
        Optional<Setting> e = reader.one(SECTION, name, "maintainers-entry");
        if (e.isPresent()) {
            entry = e.get().text();
            if (digest.maintainersFile() == null) {
                throw e.get().error("needs digest.maintainers-file, the kernel's MAINTAINERS file");
            }
        }
        List<String> queries = new ArrayList<>();
        for (Setting s : reader.all(SECTION, name, "query")) {
            queries.add(s.text());
        }
        if (lists.isEmpty() && paths.isEmpty() && entry.isEmpty() && queries.isEmpty()) {
            throw reader.sectionError(SECTION, name, "choose what the digest covers: lists, paths,"
                    + " maintainers-entry or query");
        }
        String severity = "warning";
        Optional<Setting> sev = reader.one(SECTION, name, "min-severity");
        if (sev.isPresent()) {
            severity = sev.get().choice(ReviewConfig.SEVERITIES);
        }
        SubscriberConfig.Frequency frequency = SubscriberConfig.Frequency.DAILY;
        Optional<Setting> freq = reader.one(SECTION, name, "frequency");
        if (freq.isPresent()) {
            frequency = SubscriberConfig.Frequency.valueOf(
                    freq.get().choice(List.of("daily", "weekly")).toUpperCase(Locale.ROOT));
        }
        Optional<Setting> h = reader.one(SECTION, name, "hour");
        int hour = h.isPresent() ? h.get().integer(0, 23) : SubscriberConfig.DEFAULT_HOUR;
        DayOfWeek day = DayOfWeek.MONDAY;
        Optional<Setting> d = reader.one(SECTION, name, "day");
        if (d.isPresent()) {
            List<String> days = new ArrayList<>();
            for (DayOfWeek w : DayOfWeek.values()) {
                days.add(w.name().toLowerCase(Locale.ROOT));
            }
            day = DayOfWeek.valueOf(d.get().choice(days).toUpperCase(Locale.ROOT));
        }
        ZoneId zone = ZoneOffset.UTC;
        Optional<Setting> tz = reader.one(SECTION, name, "timezone");
        if (tz.isPresent()) {
            try {
                zone = ZoneId.of(tz.get().text());
            } catch (DateTimeException ex) {
                throw tz.get().error("'" + tz.get().value() + "' is not a time zone (e.g. UTC,"
                        + " Europe/Berlin, America/Los_Angeles)");
            }
        }
        return new SubscriberConfig(address, lists, paths, entry, queries, severity, frequency,
                hour, day, zone);
    }
}
