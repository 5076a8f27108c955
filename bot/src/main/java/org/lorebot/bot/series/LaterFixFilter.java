package org.lorebot.bot.series;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.lorebot.analyzers.finding.Finding;
import org.lorebot.analyzers.patch.DiffLine;
import org.lorebot.analyzers.patch.FileDiff;
import org.lorebot.analyzers.patch.Hunk;

/**
 * Drops a finding when a later part of the same series removes the code that raised it: the
 * same file, and the same added call (whitespace ignored) among that part's removed lines.
 * Series often add a call in one patch and fix it in the next; only the end state matters.
 */
public final class LaterFixFilter {

    private LaterFixFilter() {
    }

    /** The findings of part {@code index} of {@code series} that later parts do not undo. */
    public static List<Finding> keep(Series series, int index, List<Finding> findings) {
        List<Finding> kept = new ArrayList<>();
        for (Finding f : findings) {
            if (!removedLater(series, index, f)) {
                kept.add(f);
            }
        }
        return List.copyOf(kept);
    }

    private static boolean removedLater(Series series, int index, Finding f) {
        String added = FindingKey.addedCode(f);
        if (added.isEmpty()) {
            return false;
        }
        for (PatchMail later : series.parts()) {
            if (later.tags().index() <= index) {
                continue;
            }
            for (FileDiff file : later.patch().files()) {
                if (f.path().equals(file.oldPath()) && removedCode(file).contains(added)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String removedCode(FileDiff file) {
        List<String> removed = new ArrayList<>();
        for (Hunk h : file.hunks()) {
            for (DiffLine l : h.lines()) {
                if (l.kind() == DiffLine.Kind.REMOVED) {
                    removed.add(l.text());
                }
            }
        }
        return FindingKey.squeeze(removed.stream().collect(Collectors.joining()));
    }
}
