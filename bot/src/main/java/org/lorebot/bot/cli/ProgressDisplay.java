package org.lorebot.bot.cli;

import java.io.PrintWriter;

/**
 * How far a long job has come: a progress bar on a terminal, a plain line every few seconds on
 * stderr otherwise (a log file or a pipe must not fill with carriage returns).
 */
public interface ProgressDisplay extends AutoCloseable {

    /** Records that {@code done} units of the job are finished. Cheap: call it per message. */
    void update(long done);

    /**
     * Records that {@code done} units are finished of {@code total} now expected (-1 when still
     * unknown): for a job whose size firms up as it goes. Cheap: call it per message.
     */
    void update(long done, long total);

    /** Ends the display (the bar stays at its last state). */
    @Override
    void close();

    /**
     * A display for the task on the console when there is one, else plain progress lines on
     * {@code err}.
     *
     * @param total the expected number of units, or -1 when unknown
     */
    static ProgressDisplay start(String task, long total, PrintWriter err) {
        if (System.console() != null) {
            return new TerminalProgress(task, total);
        }
        return new PlainProgress(task, total, err, PlainProgress.DEFAULT_INTERVAL_NANOS);
    }
}
