package org.lorebot.bot.cli;

import java.io.PrintWriter;

import org.lorebot.index.ingest.IngestListener;
import org.lorebot.index.ingest.IngestSummary;

/** Shows an ingest run's progress through a {@link ProgressDisplay}. */
final class IngestProgress implements IngestListener, AutoCloseable {

    private final PrintWriter err;
    private ProgressDisplay display;

    IngestProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void started(String list, String source, long estimate) {
        close();
        display = ProgressDisplay.start(list, estimate, err);
    }

    @Override
    public void progress(long done, long estimate) {
        if (display != null) {
            display.update(done, estimate);
        }
    }

    @Override
    public void finished(IngestSummary summary) {
        close();
    }

    @Override
    public void close() {
        if (display != null) {
            display.close();
            display = null;
        }
    }
}
