package org.lorebot.index.ingest;

import java.nio.file.Path;
import java.util.Map;
import org.lorebot.index.MailIndex;
import org.lorebot.index.archive.ArchiveSource;
import org.lorebot.index.archive.GitArchiveSource;

/**
 * The child JVM of {@link CrashRecoveryTest}: ingests a v2 inbox with frequent commits, slowly
 * (a few milliseconds an entry, like a busy machine), and prints a line at each commit so the
 * test knows when to kill it.
 *
 * <p>Arguments: data directory, inbox directory, commit interval.
 */
public final class IngestUntilKilled {

    private IngestUntilKilled() {
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
        try (MailIndex index = MailIndex.open(data, IngestOptions.defaults().withCommitEvery(commitEvery));
             ArchiveSource source = GitArchiveSource.v2Inbox(inbox)) {
            index.ingest("lkml", source, slowAndChatty);
        }
        System.out.println("finished");
    }
}
