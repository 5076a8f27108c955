package org.lorebot.index.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.lorebot.index.MailIndex;
import org.lorebot.index.codec.LorebotCodec;
import org.lorebot.index.store.IndexFields;

/**
 * The CPU of reading one raw message, as the web's raw and mbox pages do: 1,000 documents of a
 * data directory's index picked at random (seed 1), each read by Message-ID, five rounds, the
 * reading thread's CPU per read printed for each; {@code --native} first loads zstd's C library,
 * as {@code serve} does. Not a test: run it by hand (docs/BENCHMARKS.md).
 *
 * <pre>
 * java -XX:TieredStopAtLevel=1 -cp ... org.lorebot.index.bench.RawReadBenchmark DATA_DIR [--native]
 * </pre>
 */
public final class RawReadBenchmark {

    private RawReadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        if (args.length > 1 && args[1].equals("--native")) {
            LorebotCodec.useNativeLibrary();
        }
        List<String> ids = new ArrayList<>();
        try (FSDirectory directory = FSDirectory.open(data.resolve("lucene"));
                DirectoryReader reader = DirectoryReader.open(directory)) {
            Random random = new Random(1);
            for (int i = 0; i < 1000; i++) {
                ids.add(reader.storedFields().document(random.nextInt(reader.maxDoc()),
                        Set.of(IndexFields.MID)).get(IndexFields.MID));
            }
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (MailIndex index = MailIndex.open(data)) {
            for (int round = 1; round <= 5; round++) {
                long start = threads.getCurrentThreadCpuTime();
                long bytes = 0;
                for (String id : ids) {
                    bytes += index.raw(id).orElseThrow().length;
                }
                System.out.printf("round %d: %.0f us of CPU a read (%d bytes)%n", round,
                        (threads.getCurrentThreadCpuTime() - start) / 1e3 / ids.size(), bytes);
            }
        }
    }
}
