package org.lorebot.index.archive;

/**
 * Something in an archive that could not be read (a missing blob, a commit without a message, an
 * unreadable mbox record). Reported, counted and skipped: reading goes on.
 */
public record ArchiveProblem(String epoch, String position, String reason) {
}
