package org.lorebot.index.archive;

/**
 * What one {@link Mirror#update} did to one epoch.
 *
 * @param epoch  the epoch name in the mirror ({@code git/N.git}), as the reader names it
 * @param url    where it was fetched from
 * @param before the local tip before the update, or null when the epoch was cloned now
 * @param after  the local tip after it
 */
public record MirrorUpdate(String epoch, String url, String before, String after) {

    /** Whether the epoch is new or gained commits. */
    public boolean changed() {
        return before == null ? after != null : !before.equals(after);
    }
}
