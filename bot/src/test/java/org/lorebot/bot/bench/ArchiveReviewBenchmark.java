package org.lorebot.bot.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import org.lorebot.bot.daemon.InboxReport;
import org.lorebot.bot.daemon.PassReport;
import org.lorebot.bot.daemon.ReviewDaemon;
import org.lorebot.bot.state.StateStore;
import org.lorebot.config.LorebotConfig;
import org.lorebot.index.MailIndex;
import org.lorebot.index.archive.ArchiveSource;
import org.lorebot.index.archive.ArchiveSources;
import org.lorebot.index.ingest.IngestListener;
import org.lorebot.index.ingest.IngestSummary;
import org.lorebot.index.search.SearchHit;
import org.lorebot.bot.series.PatchMail;

/**
 * Reviews every patch of an archive as if all were new: one daemon pass with {@code [review]
 * since} before the archive's first message, no rate limit, no grace, dry-run delivery into a
 * Maildir. Every step runs as in production: series assembly, the DMA checker, the policy, the
 * citation searches for each finding, composing, rendering, recording in SQLite, writing the
 * outbox. Ingest is done first and timed apart. Not a test: run it by hand (docs/BENCHMARKS.md).
 *
 * <pre>
 * java -cp bot/target/lorebot.jar:bot/target/test-classes org.lorebot.bot.bench.ArchiveReviewBenchmark \
 *     EPOCH_OR_INBOX [LIST [WORK_DIR]]
 * </pre>
 *
 * With a WORK_DIR the index is kept there and reused by the next run (only the state and the
 * outbox start afresh), so the review pass can be measured again without ingesting again.
 */
public final class ArchiveReviewBenchmark {

    private ArchiveReviewBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: ArchiveReviewBenchmark EPOCH_OR_INBOX [LIST [WORK_DIR]]");
            System.exit(2);
        }
        Path archive = Path.of(args[0]).toAbsolutePath();
        String list = args.length > 1 ? args[1] : "linux-mtd";
        Path dir = args.length > 2 ? Files.createDirectories(Path.of(args[2])) : Files.createTempDirectory("lorebot-review-bench-");
        Path data = dir.resolve("data");
        for (String stale : new String[] {"state.sqlite", "state.sqlite-wal", "state.sqlite-shm"}) {
            Files.deleteIfExists(data.resolve(stale));
        }
        deleteTree(data.resolve("outbox"));
        Path conf = Files.writeString(dir.resolve("lorebot.conf"), """
                [core]
                    data = data
                [inbox "%s"]
                    path = %s
                    address = %s@lists.example.org
                [review]
                    lists = %s
                    since = 1990-01-01
                    grace = 0
                    max-per-hour = 1000000
                    max-per-list-per-day = 1000000
                [delivery]
                    mode = dry-run
                    from = lorebot <lorebot@example.org>
                """.formatted(list, archive, list, list));
        LorebotConfig config = LorebotConfig.load(conf);

        long ingestStart = System.nanoTime();
        long ingestCpu = cpu();
        IngestSummary ingested;
        try (MailIndex index = MailIndex.open(config.core().data());
             ArchiveSource source = ArchiveSources.open(archive)) {
            ingested = index.ingest(list, source, IngestListener.NONE);
        }
        System.out.printf("ingest: %d messages in %.1f s wall, %.1f s CPU%n", ingested.added(),
                seconds(System.nanoTime() - ingestStart), seconds(cpu() - ingestCpu));

        try (MailIndex index = MailIndex.open(config.core().data());
             StateStore state = StateStore.open(config.core().state(), Clock.systemUTC())) {
            int patches = 0;
            for (SearchHit hit : index.search("l:" + list, 0, 0).hits()) {
                var stored = index.message(hit.messageId());
                if (stored.isPresent() && PatchMail.of(stored.get().message()).patch().hasDiff()) {
                    patches++;
                }
            }
            ReviewDaemon daemon = ReviewDaemon.create(config, index, state, Map.of(), Clock.systemUTC());
            long start = System.nanoTime();
            long startCpu = cpu();
            PassReport report = daemon.runPass();
            double wall = seconds(System.nanoTime() - start);
            double cpu = seconds(cpu() - startCpu);
            InboxReport r = report.inboxes().get(0);
            System.out.printf("review pass: %d messages in the window, %d patches with a diff; %d replies written,"
                            + " %d decided not to answer, %d waiting, %d problems%n",
                    index.size(), patches, r.queued(), r.skipped(), r.waiting(), r.problems());
            System.out.printf("review pass: %.2f s wall, %.2f s CPU: %.0f patches/s wall, %.0f patches/s per CPU second%n",
                    wall, cpu, patches / wall, patches / cpu);
        }
    }

    private static void deleteTree(Path root) throws java.io.IOException {
        if (Files.exists(root)) {
            try (var paths = Files.walk(root)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
