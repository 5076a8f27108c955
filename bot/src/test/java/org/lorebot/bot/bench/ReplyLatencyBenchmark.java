package org.lorebot.bot.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.lorebot.index.fixture.InboxCommits;
import org.lorebot.bot.cli.Lorebot;
import org.lorebot.bot.cli.SmartGitServer;
import org.lorebot.bot.series.LabeledCorpus;

import picocli.CommandLine;

/**
 * From a new commit on the remote to the reply in the outbox: {@code lorebot run} (the real
 * command, polling every POLL seconds) follows a public-inbox archive served over git's smart
 * HTTP on loopback; the benchmark commits a new patch with a finding (the real n64 cart driver
 * patch, with a fresh Message-ID, subject and date each time), and times until the reply file
 * appears in the outbox Maildir. Not a test: run it by hand (docs/BENCHMARKS.md).
 *
 * <pre>
 * java -cp bot/target/lorebot.jar:bot/target/test-classes org.lorebot.bot.bench.ReplyLatencyBenchmark [POLL_SECONDS [N]]
 * </pre>
 */
public final class ReplyLatencyBenchmark {

    private static final String[] HISTORY = {
            "001-bhe-00-cover-dont-use-kmalloc-gfp-dma.eml", "011-bhe-21-wbsd-dma-alloc-noncoherent.eml",
            "015-bhe-re00-heiko-s390-gfp-dma.eml", "016-bhe-re00-hch-answer-heiko.eml", "017-bhe-re21-hch-wbsd.eml"};
    private static final DateTimeFormatter RFC_5322 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private ReplyLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int poll = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path dir = Files.createTempDirectory("lorebot-latency-bench-");
        Path epoch = dir.resolve("web/lkml/git/0.git");
        try (Repository repo = new FileRepositoryBuilder().setGitDir(epoch.toFile()).setBare().build()) {
            repo.create(true);
        }
        for (String f : HISTORY) {
            InboxCommits.v2(epoch, "m", read(f).getBytes(StandardCharsets.ISO_8859_1));
        }
        String patch = read("022-n64-cart-v2-kmalloc-gfp-dma.eml");
        try (SmartGitServer git = new SmartGitServer(dir.resolve("web"))) {
            Path conf = Files.writeString(dir.resolve("lorebot.conf"), """
                    [core]
                        data = data
                    [inbox "lkml"]
                        url = %s/lkml
                        address = linux-kernel@vger.kernel.org
                    [review]
                        lists = lkml
                        grace = 0
                        poll-interval = %ds
                    [delivery]
                        mode = dry-run
                        from = lorebot <lorebot@example.org>
                    """.formatted(git.baseUrl(), poll));
            StringWriter out = new StringWriter();
            CommandLine cl = Lorebot.commandLine();
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(new StringWriter(), true));
            Thread daemon = new Thread(() -> cl.execute("run", "--config", conf.toString()), "lorebot-run");
            daemon.setDaemon(true);
            daemon.start();
            while (!out.toString().contains("\noutbox: ")) {
                Thread.sleep(20); // the first pass (clone, backfill) is not what is measured
            }
            Path outbox = dir.resolve("data/outbox/new");
            List<Double> latencies = new ArrayList<>();
            long cpuStart = cpu();
            for (int i = 1; i <= runs; i++) {
                Thread.sleep(Math.round(Math.random() * poll * 1000)); // land anywhere in the poll cycle
                String message = patch
                        .replaceFirst("(?im)^Message-ID:.*$", "Message-ID: <latency-" + i + "-" + System.nanoTime() + "@example.org>")
                        .replaceFirst("(?im)^Subject:.*$", "Subject: [PATCH] block: Add n64 cart driver, take " + i)
                        .replaceFirst("(?im)^Date:.*$", "Date: " + RFC_5322.format(Instant.now()));
                InboxCommits.v2(epoch, "m", message.getBytes(StandardCharsets.ISO_8859_1));
                long committed = System.nanoTime();
                while (files(outbox) < i) {
                    Thread.sleep(5);
                }
                latencies.add((System.nanoTime() - committed) / 1e9);
            }
            double cpu = (cpu() - cpuStart) / 1e9;
            List<Double> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            System.out.printf("poll interval %d s, %d new patches: commit to reply in the outbox %s s%n", poll, runs,
                    latencies.stream().map(d -> String.format("%.2f", d)).toList());
            System.out.printf("median %.2f s, max %.2f s (target: under 2 s + %d s); process CPU during the runs %.1f s%n",
                    sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1), poll, cpu);
        }
        System.exit(0); // the shutdown hook stops the daemon after its step under way
    }

    private static String read(String file) throws IOException {
        return Files.readString(LabeledCorpus.DIR.resolve(file), StandardCharsets.ISO_8859_1).replace("\r\n", "\n");
    }

    private static long files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
