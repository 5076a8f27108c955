package org.lorebot.analyzers.patch;

/**
 * One line of a hunk, without its leading marker. {@code oldLine} is the line's number in
 * the old file (0 for an added line), {@code newLine} in the new file (0 for a removed line),
 * {@code patchLine} in the patch text it was read from (1-based; 0 when not read from one),
 * which checkpatch-style output prints as {@code #N}.
 */
public record DiffLine(Kind kind, String text, int oldLine, int newLine, int patchLine) {

    /** A line not read from a patch text (built by a rule or a test). */
    public DiffLine(Kind kind, String text, int oldLine, int newLine) {
        this(kind, text, oldLine, newLine, 0);
    }

    public enum Kind {
        CONTEXT(' '), ADDED('+'), REMOVED('-');

        private final char marker;

        Kind(char marker) {
            this.marker = marker;
        }

        /** The character that starts such a line in a unified diff. */
        public char marker() {
            return marker;
        }
    }

    /** The line as it stands in the diff: marker then text. */
    public String asDiff() {
        return kind.marker() + text;
    }
}
