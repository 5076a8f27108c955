package org.lorebot.index.ingest;

import java.time.Duration;
import java.util.List;

/**
 * What one ingest run did.
 *
 * @param list            the inbox name
 * @param read            entries the archive delivered (messages, removals and unreadable ones)
 * @param added           messages added to the index
 * @param removed         messages removed from the index
 * @param duplicates      messages skipped because their Message-ID was already indexed (the
 *                        first delivery is kept, as public-inbox does)
 * @param malformed       messages skipped because they could not be parsed
 * @param unreadable      archive entries that could not be read (e.g. missing blobs)
 * @param problems        the skipped malformed and unreadable entries with their reasons (at
 *                        most {@link #MAX_PROBLEMS_LISTED}; the counts are complete)
 * @param elapsed         wall time of the run
 */
public record IngestSummary(String list, long read, long added, long removed, long duplicates,
                            long malformed, long unreadable, List<IngestProblem> problems,
                            Duration elapsed) {

    /** How many problems a summary lists at most. */
    public static final int MAX_PROBLEMS_LISTED = 1000;

    public IngestSummary {
        problems = List.copyOf(problems);
    }

    /** Messages added per second of wall time. */
    public double messagesPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : added / seconds;
    }
}
