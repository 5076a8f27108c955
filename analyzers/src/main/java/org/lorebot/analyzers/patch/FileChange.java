package org.lorebot.analyzers.patch;

/** What a file diff does to its file. */
public enum FileChange {
    MODIFIED, ADDED, DELETED, RENAMED, COPIED
}
