package org.lorebot.analyzers.patch;

import java.util.Locale;

/**
 * A {@code Key: value} line of a commit message's trailer block ({@code Signed-off-by}, {@code
 * Fixes}, {@code Link}, ...) or one of the tool lines git and b4 append after the diff ({@code
 * base-commit}, {@code change-id}).
 */
public record Trailer(String key, String value) {

    /** Case-insensitive key comparison, as git does for trailers. */
    public boolean is(String name) {
        return key.equalsIgnoreCase(name);
    }

    /** The key in lower case, for maps and indexes. */
    public String normalizedKey() {
        return key.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return key + ": " + value;
    }
}
