package org.lorebot.index.ingest;

/**
 * A message that was skipped: unreadable from the archive (e.g. a missing blob) or malformed.
 *
 * @param epoch    the archive stream
 * @param position where in it (commit id, mbox offset)
 * @param reason   what was wrong
 */
public record IngestProblem(String epoch, String position, String reason) {
}
