package org.lorebot.analyzers.patch;

import java.util.List;

/**
 * One {@code @@ -a,b +c,d @@ heading} section of a file diff. {@code heading} is the text git
 * prints after the second {@code @@} (usually the enclosing function), empty when absent.
 */
public record Hunk(int oldStart, int oldCount, int newStart, int newCount, String heading,
                   List<DiffLine> lines) {
    public Hunk {
        heading = heading == null ? "" : heading;
        lines = List.copyOf(lines);
    }
}
