package org.lorebot.bot.digest;

import java.io.InputStream;
import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.lorebot.bot.delivery.MaildirOutbox;
import org.lorebot.bot.maintainers.MaintainersFile;
import org.lorebot.bot.state.Arrival;
import org.lorebot.bot.state.OutboxDispatcher;
import org.lorebot.bot.state.RetrySchedule;
import org.lorebot.bot.state.StateStore;
import org.lorebot.bot.subscription.DigestKey;
import org.lorebot.bot.subscription.SubscriptionManager;
import org.lorebot.bot.subscription.TokenSigner;
import org.lorebot.bot.review.BotIdentity;
import org.lorebot.config.SubscriberConfig;
import org.lorebot.config.SubscriberConfig.Frequency;
import org.lorebot.index.MailIndex;
import org.lorebot.index.archive.ArchiveSource;
import org.lorebot.index.archive.ArchiveSources;
import org.lorebot.index.ingest.IngestListener;
import org.lorebot.index.search.SearchHit;

/**
 * Builds the digests of many subscribers over a day of list traffic and reports how long
 * {@link DigestRunner#runDue} takes: reading every message of the day from the index, running the
 * DMA checker, assembling series, the saved searches, building, rendering and writing every
 * digest into the dry-run outbox. Not a test: run it by hand (see docs/BENCHMARKS.md).
 *
 * <pre>
 * python3 /work/shared/tools/gen_lkml_mbox.py -n 5000 --seed 3 -o /tmp/lkml-5000.mbox
 * java -cp bot/target/test-classes:bot/target/classes:$(cat cp.txt) \
 *     org.lorebot.bot.digest.DigestBenchmark --mbox /tmp/lkml-5000.mbox --subscribers 1000 --runs 3
 * </pre>
 *
 * The mbox's messages are taken to arrive one after another over the 24 hours before the
 * digests fall due (their order kept), so every subscriber's first digest covers the whole day.
 * Subscribers are drawn with a fixed seed from a mix of list-wide, path, MAINTAINERS-entry and
 * saved-search interests, severities and time zones.
 */
public final class DigestBenchmark {

    private static final String LIST = "linux-kernel";
    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final List<String> PATHS = List.of("kernel/dma/", "drivers/net/", "drivers/scsi/",
            "drivers/usb/", "drivers/staging/", "sound/core/*", "arch/x86/", "drivers/gpu/", "drivers/crypto/",
            "arch/arm64/", "drivers/s390/", "drivers/spi/", "mm/slab_common.c", "mm/dmapool.c", "drivers/media/",
            "drivers/*/dma/", "include/linux/dma-mapping.h", "mm/", "drivers/", "fs/");
    private static final List<String> ENTRIES = List.of("DMA MAPPING HELPERS", "SLAB ALLOCATOR", "USB SUBSYSTEM",
            "GFP MASKS", "CRYPTO API");
    private static final List<String> QUERIES = List.of("dfb:GFP_DMA", "s:usb", "s:dma AND s:PATCH", "dfn:dmapool",
            "b:regression", "s:\"memory leak\"", "dfa:kmalloc", "s:net", "nq:tested", "s:scsi OR s:spi");
    private static final List<String> ZONES = List.of("UTC", "Europe/Berlin", "America/New_York", "Asia/Tokyo",
            "America/Los_Angeles", "Asia/Kolkata", "Australia/Sydney");

    private DigestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path mbox = null;
        int subscribers = 1000;
        int runs = 3;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--mbox" -> mbox = Path.of(args[++i]);
                case "--subscribers" -> subscribers = Integer.parseInt(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + " (use --mbox FILE [--subscribers N] [--runs N])");
            }
        }
        if (mbox == null) {
            throw new IllegalArgumentException("--mbox FILE is required");
        }
        Path work = Files.createTempDirectory("lorebot-digest-bench");
        MaintainersFile maintainers;
        try (InputStream in = DigestBenchmark.class.getResourceAsStream("/maintainers/MAINTAINERS")) {
            maintainers = MaintainersFile.parse("MAINTAINERS", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        try (MailIndex index = MailIndex.open(work.resolve("data"))) {
            long t0 = System.nanoTime();
            try (ArchiveSource source = ArchiveSources.open(mbox)) {
                index.ingest(LIST, source, IngestListener.NONE);
            }
            System.out.printf("ingested %d messages in %.1f s (not part of the figure)%n", index.size(),
                    (System.nanoTime() - t0) / 1e9);
            List<SearchHit> all = new ArrayList<>(index.search("d:19700101..", 0, 0).hits());
            all.sort(Comparator.comparing(SearchHit::date).thenComparing(SearchHit::messageId));
            Instant due = Instant.parse("2026-11-21T08:00:00Z");
            List<Arrival> day = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                long offset = Duration.ofDays(1).toMillis() * (i + 1) / (all.size() + 1);
                day.add(new Arrival(all.get(i).messageId(), all.get(i).list(),
                        due.minus(Duration.ofDays(1)).plusMillis(offset)));
            }
            List<SubscriberConfig> people = subscribers(subscribers, due);
            List<Double> seconds = new ArrayList<>();
            List<Double> cpuSeconds = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                Path state = work.resolve("state-" + run + ".sqlite");
                Path outbox = work.resolve("outbox-" + run);
                try (StateStore store = StateStore.open(state, Clock.fixed(due, ZoneOffset.UTC))) {
                    store.digests().recordArrivals(day, due);
                    Instant at = due.plus(Duration.ofMinutes(5));
                    Clock clock = Clock.fixed(at, ZoneOffset.UTC);
                    BotIdentity bot = new BotIdentity(new org.lorebot.index.mail.Address("lorebot", "lorebot@example.org"),
                            "lorebot", "");
                    SubscriptionManager manager = new SubscriptionManager(store,
                            new TokenSigner(DigestKey.of("benchmark key, 32 bytes long....".getBytes())), bot,
                            Duration.ofDays(3), Duration.ofDays(90), List.of(LIST), name -> true);
                    MaildirOutbox maildir = new MaildirOutbox(outbox, clock);
                    DigestRunner runner = new DigestRunner(store, index, people, () -> Optional.of(maintainers),
                            manager, new DigestMail(bot, java.net.URI.create("https://lorebot.example.org"),
                                    new ArchiveLinks(Map.of(LIST, java.net.URI.create("https://lore.kernel.org/lkml")))),
                            null);
                    long start = System.nanoTime();
                    long cpuStart = OS.getProcessCpuTime();
                    RunReport r = runner.runDue(at);
                    double s = (System.nanoTime() - start) / 1e9;
                    double cpu = (OS.getProcessCpuTime() - cpuStart) / 1e9;
                    seconds.add(s);
                    cpuSeconds.add(cpu);
                    long sendStart = System.nanoTime();
                    var sent = new OutboxDispatcher(store, maildir, maildir::contains, RetrySchedule.standard())
                            .dispatch(at);
                    double send = (System.nanoTime() - sendStart) / 1e9;
                    long bytes;
                    try (Stream<Path> files = Files.list(outbox.resolve("new"))) {
                        bytes = files.mapToLong(f -> f.toFile().length()).sum();
                    }
                    System.out.printf("run %d: %d subscribers due, %d digests built and queued, %d with nothing new,"
                                    + " %d failed, in %.2f s (%.2f s process CPU); then delivered %d to the outbox Maildir (%d KiB) in %.2f s%n",
                            run, r.due(), r.queued(), r.empty(), r.failed(), s, cpu, sent.sent(), bytes / 1024, send);
                }
            }
            Collections.sort(seconds);
            Collections.sort(cpuSeconds);
            System.out.printf("median of %d runs: %.2f s (%.2f s process CPU) for %d subscribers over %d messages%n", runs,
                    seconds.get(seconds.size() / 2), cpuSeconds.get(cpuSeconds.size() / 2), subscribers, all.size());
        }
    }

    private static List<SubscriberConfig> subscribers(int n, Instant due) {
        Random random = new Random(3);
        List<SubscriberConfig> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<String> paths = new ArrayList<>();
            String entry = "";
            List<String> queries = new ArrayList<>();
            int kind = random.nextInt(10);
            if (kind < 5) {
                paths.add(PATHS.get(random.nextInt(PATHS.size())));
                if (random.nextBoolean()) {
                    paths.add(PATHS.get(random.nextInt(PATHS.size())));
                }
            } else if (kind < 7) {
                entry = ENTRIES.get(random.nextInt(ENTRIES.size()));
            }
            if (kind >= 7 || random.nextInt(4) == 0) {
                queries.add(QUERIES.get(random.nextInt(QUERIES.size())));
            }
            List<String> lists = kind == 9 || random.nextBoolean() ? List.of(LIST) : List.of();
            ZoneId zone = ZoneId.of(ZONES.get(random.nextInt(ZONES.size())));
            int hour = due.atZone(zone).getHour();
            out.add(new SubscriberConfig("maintainer" + i + "@example.org", lists, paths, entry, queries,
                    List.of("info", "warning", "error").get(random.nextInt(3)), Frequency.DAILY, hour,
                    DayOfWeek.MONDAY, zone));
        }
        return out;
    }
}
