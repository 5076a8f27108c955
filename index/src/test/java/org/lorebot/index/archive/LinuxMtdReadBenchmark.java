package org.lorebot.index.archive;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.management.OperatingSystemMXBean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lorebot.index.fixture.LinuxMtdFixture;
import org.lorebot.index.mail.MailParser;
import org.lorebot.index.mail.MalformedMailException;

/**
 * Reading and parsing the real linux-mtd archive (8,592 message blobs). Not part of the normal
 * build: run with
 * {@code LOREBOT_FIXTURES=... mvn -B -o -pl index -am test -Dgroups=benchmark -DexcludedGroups=
 * -Dtest=LinuxMtdReadBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * Prints the median of several warm runs of each stage.
 */
@Tag("benchmark")
class LinuxMtdReadBenchmark {

    private static final int RUNS = 7;

    @Test
    void readAndParse() throws Exception {
        Path repo = LinuxMtdFixture.repository();
        MailParser parser = new MailParser();

        report("read blobs (JGit, 1 thread)", repo, () -> read(repo, e -> { }));
        List<ArchiveEntry> inMemory = new ArrayList<>();
        read(repo, inMemory::add);
        report("parse only, messages in memory (1 thread)", repo, () -> {
            inMemory.forEach(e -> parse(parser, e));
            return inMemory.size();
        });
        report("read + parse (1 thread)", repo, () -> read(repo, e -> parse(parser, e)));
        report("read + parse (reader thread + " + parsers() + " parser threads)", repo,
                () -> pipelined(repo, parser, parsers()));
    }

    private static int parsers() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    private interface Run {
        int run() throws Exception;
    }

    /**
     * Prints the median wall time and the median CPU time of the process (all threads): on a
     * shared machine the CPU time is the steadier figure.
     */
    private static void report(String what, Path repo, Run run) throws Exception {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        List<Long> wall = new ArrayList<>();
        List<Long> cpu = new ArrayList<>();
        int count = 0;
        for (int i = 0; i < RUNS + 2; i++) { // two warm-up runs
            long start = System.nanoTime();
            long cpuStart = os.getProcessCpuTime();
            count = run.run();
            if (i >= 2) {
                wall.add(System.nanoTime() - start);
                cpu.add(os.getProcessCpuTime() - cpuStart);
            }
        }
        Collections.sort(wall);
        Collections.sort(cpu);
        double wallMs = wall.get(wall.size() / 2) / 1e6;
        double cpuMs = cpu.get(cpu.size() / 2) / 1e6;
        System.out.printf("%-58s %5d msgs  wall %7.1f ms (%6.0f msgs/s, min %.1f)  cpu %7.1f ms (%6.0f msgs/cpu-s)%n",
                what, count, wallMs, count / (wallMs / 1000), wall.get(0) / 1e6, cpuMs, count / (cpuMs / 1000));
    }

    private interface EntryHandler {
        void handle(ArchiveEntry entry);
    }

    private static int read(Path repo, EntryHandler handler) throws Exception {
        AtomicInteger count = new AtomicInteger();
        try (GitArchiveSource source = GitArchiveSource.epoch(repo)) {
            source.read(Map.of(), new ArchiveVisitor() {
                @Override
                public void entry(ArchiveEntry entry) {
                    handler.handle(entry);
                    count.incrementAndGet();
                }

                @Override
                public void problem(ArchiveProblem problem) {
                }
            });
        }
        return count.get();
    }

    private static void parse(MailParser parser, ArchiveEntry e) {
        try {
            parser.parse(e.raw(), e.time());
        } catch (MalformedMailException ex) {
            throw new AssertionError(ex);
        }
    }

    private static final ArchiveEntry END = new ArchiveEntry("", "", null, ArchiveEntry.Kind.ADD, null, new byte[0]);

    private static int pipelined(Path repo, MailParser parser, int threads) throws Exception {
        BlockingQueue<ArchiveEntry> queue = new ArrayBlockingQueue<>(1024);
        List<Thread> workers = new ArrayList<>();
        AtomicInteger parsed = new AtomicInteger();
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(() -> {
                try {
                    for (ArchiveEntry e = queue.take(); e != END; e = queue.take()) {
                        parse(parser, e);
                        parsed.incrementAndGet();
                    }
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
            });
            t.start();
            workers.add(t);
        }
        read(repo, e -> {
            try {
                queue.put(e);
            } catch (InterruptedException ex) {
                throw new IllegalStateException(ex);
            }
        });
        for (int i = 0; i < threads; i++) {
            queue.put(END);
        }
        for (Thread t : workers) {
            t.join();
        }
        return parsed.get();
    }
}
