package org.lorebot.index.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lorebot.config.IndexConfig;
import org.lorebot.index.MailIndex;
import org.lorebot.index.archive.ArchiveSource;
import org.lorebot.index.archive.GitArchiveSource;
import org.lorebot.index.solr.SolrMailIndex;

/**
 * The child JVM of {@link CrashRecoveryTest}: ingests a v2 inbox with frequent commits, slowly
 * (a few milliseconds an entry, like a busy machine), and prints a line at each commit so the
 * test knows when to kill it.
 *
 * <p>Arguments: data directory, inbox directory, commit interval, and optionally the ZooKeeper
 * address and collection of a SolrCloud to ingest into instead of the data directory.
 */
public final class IngestUntilKilled {

    private IngestUntilKilled() {
    }

    /** Starts the child in a JVM of its own with the test class path and these arguments. */
    public static Process start(String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp",
                System.getProperty("java.class.path"), IngestUntilKilled.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /**
     * Reads the child's output until it reported {@code commits} commits; how many it reported
     * (fewer when it ended first).
     *
     * @throws IllegalStateException when the child finished before it could be killed
     */
    public static int waitForCommits(Process child, int commits) throws IOException {
        BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        int seen = 0;
        String line;
        while (seen < commits && (line = out.readLine()) != null) {
            if (line.equals("finished")) {
                throw new IllegalStateException("the child finished before it could be killed");
            }
            if (line.startsWith("committed ")) {
                seen++;
            }
        }
        return seen;
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        Path inbox = Path.of(args[1]);
        int commitEvery = Integer.parseInt(args[2]);
        IngestListener slowAndChatty = new IngestListener() {
            @Override
            public void progress(long done, long estimate) {
                try {
                    Thread.sleep(3);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }

            @Override
            public void committed(Map<String, String> cursor) {
                System.out.println("committed " + cursor);
                System.out.flush();
            }
        };
        IngestOptions options = IngestOptions.defaults().withCommitEvery(commitEvery);
        try (MailIndex index = args.length > 4
                     ? SolrMailIndex.connect(IndexConfig.solrCloud(args[3], args[4], 2, 2), options)
                     : MailIndex.open(data, options);
             ArchiveSource source = GitArchiveSource.v2Inbox(inbox)) {
            index.ingest("lkml", source, slowAndChatty);
        }
        System.out.println("finished");
    }
}
