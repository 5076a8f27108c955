package org.lorebot.index.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.lorebot.index.MailIndex;
import org.lorebot.index.archive.GitArchiveSource;
import org.lorebot.index.fixture.LinuxMtdFixture;
import org.lorebot.index.fixture.TestDirectories;
import org.lorebot.index.ingest.IngestListener;
import org.lorebot.index.ingest.IngestSummary;

/**
 * The real linux-mtd archive ingested once per test JVM into a fresh index, shared by the
 * oracle tests (read only). Skips the calling test when the archive is absent.
 */
final class LinuxMtdIndex {

    private static MailIndex index;
    private static IngestSummary summary;

    private LinuxMtdIndex() {
    }

    static synchronized MailIndex shared() {
        Path repository = LinuxMtdFixture.repository();
        if (index == null) {
            try {
                Path dir = Files.createTempDirectory(TestDirectories.root(), "linux-mtd-index-");
                index = MailIndex.open(dir);
                try (GitArchiveSource source = GitArchiveSource.epoch(repository)) {
                    summary = index.ingest("linux-mtd", source, IngestListener.NONE);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return index;
    }

    static synchronized IngestSummary summary() {
        shared();
        return summary;
    }
}
