package org.lorebot.bot.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.lorebot.index.ingest.IngestProblem;
import org.lorebot.index.ingest.IngestSummary;

/** The report printed after an ingest run: counts, time and rate, then what was skipped and why. */
final class SummaryFormatter {

    /** Skipped messages listed one by one at most; the rest are counted. */
    static final int PROBLEMS_SHOWN = 20;

    private SummaryFormatter() {
    }

    static List<String> lines(IngestSummary s) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT,
                "%s: added %d, removed %d, duplicates %d, malformed %d, missing blobs %d"
                        + " (%d read in %.1f s, %.0f msgs/s)",
                s.list(), s.added(), s.removed(), s.duplicates(), s.malformed(), s.unreadable(),
                s.read(), s.elapsed().toMillis() / 1000.0, s.messagesPerSecond()));
        List<IngestProblem> problems = s.problems();
        for (int i = 0; i < Math.min(PROBLEMS_SHOWN, problems.size()); i++) {
            IngestProblem p = problems.get(i);
            lines.add("  skipped " + p.epoch() + " " + p.position() + ": " + p.reason());
        }
        long skipped = s.malformed() + s.unreadable();
        if (skipped > Math.min(PROBLEMS_SHOWN, problems.size())) {
            lines.add("  ... and " + (skipped - Math.min(PROBLEMS_SHOWN, problems.size())) + " more skipped");
        }
        return lines;
    }
}
