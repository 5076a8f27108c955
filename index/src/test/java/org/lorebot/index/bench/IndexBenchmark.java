package org.lorebot.index.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.lorebot.config.IndexConfig;
import org.lorebot.index.MailIndex;
import org.lorebot.index.backend.ConfiguredIndex;
import org.lorebot.index.archive.ArchiveSource;
import org.lorebot.index.archive.ArchiveSources;
import org.lorebot.index.archive.GitArchiveSource;
import org.lorebot.index.ingest.IngestListener;
import org.lorebot.index.ingest.IngestSummary;
import org.lorebot.index.solr.SolrTestCluster;

/**
 * Measures full ingest (messages/s), index size against the raw archive, and search latency over
 * a query mix. Not a test: run it by hand (see docs/BENCHMARKS.md).
 *
 * <pre>
 * java -Xmx512m -cp ... org.lorebot.index.bench.IndexBenchmark \
 *     --epoch path/to/0.git --queries queries.txt --runs 3 --raw-bytes 100000000
 * java -Xmx512m -cp ... org.lorebot.index.bench.IndexBenchmark --mbox synthetic.mbox --runs 1
 * java -cp ... org.lorebot.index.bench.IndexBenchmark --solr --epoch path/to/0.git ...
 * </pre>
 *
 * <p>{@code --solr} measures the Solr backend instead: a 2-node SolrCloud started in this JVM
 * (2 shards, 2 replicas each), a new collection per run.
 */
public final class IndexBenchmark {

    private IndexBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path epoch = null;
        Path mbox = null;
        Path queries = null;
        int runs = 3;
        long rawBytes = -1;
        boolean solr = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--epoch" -> epoch = Path.of(args[++i]);
                case "--mbox" -> mbox = Path.of(args[++i]);
                case "--queries" -> queries = Path.of(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--raw-bytes" -> rawBytes = Long.parseLong(args[++i]);
                case "--solr" -> solr = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if ((epoch == null) == (mbox == null)) {
            throw new IllegalArgumentException("give exactly one of --epoch DIR or --mbox FILE");
        }
        List<Double> rates = new ArrayList<>();
        Path lastIndex = null;
        IndexConfig lastSolr = null;
        for (int run = 1; run <= runs; run++) {
            Path dir = Files.createTempDirectory("lorebot-bench-");
            long start = System.nanoTime();
            long cpuStart = processCpuNanos();
            IngestSummary summary;
            long retained;
            java.lang.management.ManagementFactory.getMemoryPoolMXBeans()
                    .forEach(java.lang.management.MemoryPoolMXBean::resetPeakUsage);
            if (solr) {
                if (lastSolr != null) {
                    CollectionAdminRequest.deleteCollection(lastSolr.collection())
                            .process(SolrTestCluster.shared().getSolrClient());
                }
                lastSolr = SolrTestCluster.collection("bench" + run);
            }
            try (MailIndex index = open(lastSolr, dir); ArchiveSource source = open(epoch, mbox)) {
                summary = index.ingest("bench", source, IngestListener.NONE);
                System.gc();
                retained = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
            }
            long oldGenPeak = 0;
            for (var pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getName().contains("Old Gen")) {
                    oldGenPeak = pool.getPeakUsage().getUsed();
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpu = (processCpuNanos() - cpuStart) / 1e9;
            double rate = summary.added() / seconds;
            rates.add(rate);
            System.out.printf("run %d: %d messages in %.2f s = %.0f messages/s; CPU %.1f s"
                    + " (%.2f ms a message); heap after GC with the index open %d MB,"
                    + " old generation peak %d MB%n", run, summary.added(), seconds, rate, cpu,
                    cpu * 1000 / summary.added(), retained >> 20, oldGenPeak >> 20);
            if (lastIndex != null) {
                delete(lastIndex);
            }
            lastIndex = dir;
        }
        Collections.sort(rates);
        System.out.printf("ingest median of %d runs: %.0f messages/s%n", runs, rates.get(rates.size() / 2));
        try (MailIndex index = open(lastSolr, lastIndex)) {
            long size = solr ? solrSize() : index.sizeOnDisk();
            long raw = rawBytes > 0 ? rawBytes : mbox != null ? Files.size(mbox) : -1;
            System.out.printf("index size %.1f MB%s%n", size / 1e6,
                    raw > 0 ? String.format(" = %.2f x raw (%.1f MB)", (double) size / raw, raw / 1e6) : "");
            if (queries != null) {
                searchLatency(index, Files.readAllLines(queries));
            }
        }
        delete(lastIndex);
        if (solr) {
            SolrTestCluster.shared().shutdown();
        }
    }

    private static MailIndex open(IndexConfig solr, Path dir) throws IOException {
        return solr == null ? MailIndex.open(dir) : ConfiguredIndex.open(solr, dir);
    }

    /** The bytes of every core of the in-JVM cluster (the last collection only is left). */
    private static long solrSize() throws IOException {
        long total = 0;
        for (var jetty : SolrTestCluster.shared().getJettySolrRunners()) {
            for (var core : jetty.getCoreContainer().getCores()) {
                if (core.getName().startsWith("bench")) {
                    total += core.getIndexSize();
                }
            }
        }
        return total;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static ArchiveSource open(Path epoch, Path mbox) throws IOException {
        if (epoch != null) {
            return GitArchiveSource.epoch(epoch);
        }
        return ArchiveSources.open(mbox);
    }

    private static void searchLatency(MailIndex index, List<String> queries) throws Exception {
        List<String> mix = queries.stream().filter(q -> !q.isBlank()).toList();
        for (int warm = 0; warm < 20; warm++) {
            for (String q : mix) {
                index.search(q, 0, 20);
            }
        }
        List<Long> nanos = new ArrayList<>();
        List<Long> cpuNanos = new ArrayList<>();
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 40; round++) {
            for (String q : mix) {
                long cpuStart = threads.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                index.search(q, 0, 20);
                nanos.add(System.nanoTime() - start);
                cpuNanos.add(threads.getCurrentThreadCpuTime() - cpuStart);
            }
        }
        Collections.sort(nanos);
        Collections.sort(cpuNanos);
        // CPU time too: on a shared machine wall time mostly measures the neighbours
        System.out.printf("search (first 20 hits) over %d queries x 40: wall median %.2f ms,"
                + " p99 %.2f ms; CPU median %.2f ms, p99 %.2f ms%n", mix.size(),
                nanos.get(nanos.size() / 2) / 1e6, nanos.get((int) (nanos.size() * 0.99)) / 1e6,
                cpuNanos.get(cpuNanos.size() / 2) / 1e6,
                cpuNanos.get((int) (cpuNanos.size() * 0.99)) / 1e6);
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
