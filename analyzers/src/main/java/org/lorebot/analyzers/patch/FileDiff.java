package org.lorebot.analyzers.patch;

import java.util.List;

/**
 * The changes a patch makes to one file. Paths are repository-relative without the
 * {@code a/}/{@code b/} prefixes; {@code oldPath} is null for an added file and {@code newPath}
 * null for a deleted one. Modes are the octal strings git prints, or null when not given.
 */
public record FileDiff(String oldPath, String newPath, FileChange change, String oldMode,
                       String newMode, boolean binary, List<Hunk> hunks) {
    public FileDiff {
        hunks = List.copyOf(hunks);
    }

    /** The path the file has after the patch, or before it when the patch deletes it. */
    public String path() {
        return newPath != null ? newPath : oldPath;
    }
}
