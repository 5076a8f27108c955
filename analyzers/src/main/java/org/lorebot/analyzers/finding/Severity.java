package org.lorebot.analyzers.finding;

import java.util.Locale;

/** How much a finding matters, in increasing order. */
public enum Severity {
    INFO, WARNING, ERROR;

    /** Parses {@code info}, {@code warning} or {@code error}, in any case. */
    public static Severity parse(String text) {
        for (Severity s : values()) {
            if (s.name().equalsIgnoreCase(text.strip())) {
                return s;
            }
        }
        throw new IllegalArgumentException(
                "unknown severity '" + text + "' (expected info, warning or error)");
    }

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }

    /** The lower-case word used in output and configuration. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
