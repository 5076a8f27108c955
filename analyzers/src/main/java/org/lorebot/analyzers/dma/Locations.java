package org.lorebot.analyzers.dma;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Maps a kernel path to the {@link CodeContext}s it belongs to, from {@code locations.tsv}. */
public final class Locations {
    private static final Locations STANDARD = load();

    /** A pattern split at its '*'s once, when the table is read. */
    private record Entry(String[] parts, CodeContext context) { }

    private final List<Entry> entries;

    private Locations(List<Entry> entries) {
        this.entries = entries;
    }

    public static Locations standard() {
        return STANDARD;
    }

    public Set<CodeContext> contextsOf(String path) {
        Set<CodeContext> out = EnumSet.noneOf(CodeContext.class);
        if (path == null) {
            return out;
        }
        for (Entry e : entries) {
            if (matches(e.parts, path)) {
                out.add(e.context);
            }
        }
        return out;
    }

    /** Prefix match where '*' stands for any run of characters (a leading '*' unanchors it). */
    static boolean matches(String pattern, String path) {
        return matches(pattern.split("\\*", -1), path);
    }

    private static boolean matches(String[] parts, String path) {
        int at = 0;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (i == 0) {
                if (!path.startsWith(part)) {
                    return false;
                }
                at = part.length();
            } else {
                int found = path.indexOf(part, at);
                if (found < 0) {
                    return false;
                }
                at = found + part.length();
            }
        }
        return true;
    }

    private static Locations load() {
        TsvResource table = TsvResource.load(Locations.class, "locations.tsv", "pattern", "context", "why");
        List<Entry> entries = new ArrayList<>();
        for (TsvResource.Row row : table.rows()) {
            try {
                entries.add(new Entry(row.get(0).strip().split("\\*", -1), CodeContext.parse(row.get(1))));
            } catch (IllegalArgumentException e) {
                throw table.error(row, "unknown context '" + row.get(1) + "'");
            }
        }
        return new Locations(List.copyOf(entries));
    }
}
