package org.lorebot.bot.daemon;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where the daemon's previous pass left an archive: epoch to position, as the index keeps its
 * ingest cursor. Stored in the state file as one {@code epoch TAB position} line per epoch.
 */
record ArchiveCursor(Map<String, String> positions) {

    ArchiveCursor {
        positions = Map.copyOf(positions);
    }

    String encode() {
        StringBuilder sb = new StringBuilder();
        positions.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> sb.append(e.getKey()).append('\t').append(e.getValue()).append('\n'));
        return sb.toString();
    }

    /** The cursor a stored value holds; empty for what older versions stored (a time). */
    static Optional<ArchiveCursor> decode(String stored) {
        if (!stored.isEmpty() && !stored.contains("\t")) {
            return Optional.empty();
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : stored.split("\n")) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                out.put(line.substring(0, tab), line.substring(tab + 1));
            }
        }
        return Optional.of(new ArchiveCursor(out));
    }
}
