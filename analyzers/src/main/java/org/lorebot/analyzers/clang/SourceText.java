package org.lorebot.analyzers.clang;

import java.util.ArrayList;
import java.util.List;
import org.lorebot.analyzers.patch.DiffLine;
import org.lorebot.analyzers.patch.Hunk;

/**
 * One side of a hunk rebuilt as source text: the new side is context plus added lines, the
 * old side context plus removed lines. Each line keeps the diff line it came from, so a
 * token's line index leads back to the diff.
 */
public final class SourceText {
    private final List<DiffLine> lines;

    private SourceText(List<DiffLine> lines) {
        this.lines = List.copyOf(lines);
    }

    /** The hunk as it reads after the patch. */
    public static SourceText newSide(Hunk hunk) {
        List<DiffLine> out = new ArrayList<>(hunk.lines().size());
        for (DiffLine l : hunk.lines()) {
            if (l.kind() != DiffLine.Kind.REMOVED) {
                out.add(l);
            }
        }
        return new SourceText(out);
    }

    /** The hunk as it read before the patch. */
    public static SourceText oldSide(Hunk hunk) {
        List<DiffLine> out = new ArrayList<>(hunk.lines().size());
        for (DiffLine l : hunk.lines()) {
            if (l.kind() != DiffLine.Kind.ADDED) {
                out.add(l);
            }
        }
        return new SourceText(out);
    }

    public static SourceText of(List<DiffLine> lines) {
        return new SourceText(lines);
    }

    public int size() {
        return lines.size();
    }

    public String text(int line) {
        return lines.get(line).text();
    }

    public DiffLine diffLine(int line) {
        return lines.get(line);
    }

    public boolean isAdded(int line) {
        return lines.get(line).kind() == DiffLine.Kind.ADDED;
    }

    /** True when any line in {@code first..last} (inclusive) was added by the patch. */
    public boolean anyAdded(int first, int last) {
        for (int i = Math.max(first, 0); i <= last && i < lines.size(); i++) {
            if (isAdded(i)) {
                return true;
            }
        }
        return false;
    }

    /** The diff lines {@code first..last} inclusive. */
    public List<DiffLine> range(int first, int last) {
        return lines.subList(Math.max(first, 0), Math.min(last + 1, lines.size()));
    }

    public List<DiffLine> lines() {
        return lines;
    }
}
