package org.lorebot.index.archive;

import java.time.Instant;

/**
 * One event read from an archive, in archive order.
 *
 * @param epoch    the stream this entry belongs to, stable across runs (e.g. {@code git/0.git} of a
 *                 v2 inbox, or the mbox file's name); cursors are kept per epoch
 * @param position where the stream stands once this entry is consumed: the commit id for git
 *                 archives, the byte offset after the message for an mbox
 * @param blob     the git blob id of the message, or null when the source has none
 * @param kind     whether the message is added or removed
 * @param time     when the archive received it (commit time), or null when unknown
 * @param raw      the message bytes as stored (for a removal: the removed message). Shared, not
 *                 copied (git readers hand out JGit's cached object bytes): read them, never
 *                 modify them
 */
public record ArchiveEntry(String epoch, String position, String blob, Kind kind, Instant time,
                           byte[] raw) {

    public enum Kind { ADD, REMOVE }
}
