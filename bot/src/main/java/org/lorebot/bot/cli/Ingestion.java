package org.lorebot.bot.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.lorebot.index.MailIndex;
import org.lorebot.index.archive.ArchiveSource;
import org.lorebot.index.archive.ArchiveSources;
import org.lorebot.index.ingest.IngestSummary;

/**
 * Ingests one archive into the index with progress and a printed summary; what {@code ingest},
 * {@code fetch} and {@code run} share. An archive that cannot be read is reported and skipped, so
 * one bad inbox never stops the others.
 */
final class Ingestion {

    private final PrintWriter out;
    private final PrintWriter err;

    Ingestion(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    /** Ingests {@code archive} as {@code list}; empty (after saying why on stderr) when it failed. */
    Optional<IngestSummary> ingest(MailIndex index, String list, Path archive) {
        return ingest(index, list, archive, true);
    }

    /**
     * As {@link #ingest(MailIndex, String, Path)}; the summary is printed only when the archive
     * gained or lost something or had problems, unless {@code always}.
     */
    Optional<IngestSummary> ingest(MailIndex index, String list, Path archive, boolean always) {
        if (!Files.exists(archive)) {
            err.println("lorebot: " + list + ": no archive at " + archive);
            err.flush();
            return Optional.empty();
        }
        try (ArchiveSource source = ArchiveSources.open(archive);
             IngestProgress progress = new IngestProgress(err)) {
            IngestSummary summary = index.ingest(list, source, progress);
            progress.close();
            if (always || summary.added() + summary.removed() > 0 || !summary.problems().isEmpty()) {
                SummaryFormatter.lines(summary).forEach(out::println);
            }
            out.flush();
            return Optional.of(summary);
        } catch (IOException e) {
            err.println("lorebot: " + list + ": " + e.getMessage());
            err.flush();
            return Optional.empty();
        }
    }
}
