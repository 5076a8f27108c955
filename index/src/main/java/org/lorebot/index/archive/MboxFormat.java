package org.lorebot.index.archive;

/**
 * How an mbox escapes body lines that look like message separators. Both split messages at
 * every line starting with {@code From }.
 */
public enum MboxFormat {
    /** Writers add one '>' to lines matching {@code ^>*From }; readers remove one. */
    MBOXRD,
    /**
     * Writers add '>' to {@code ^From } only, so {@code >From } in a body is ambiguous; readers
     * remove the '>' of {@code ^>From } and leave deeper quoting alone.
     */
    MBOXO
}
