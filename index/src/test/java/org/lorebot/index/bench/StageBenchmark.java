package org.lorebot.index.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.lorebot.analyzers.patch.PatchId;
import org.lorebot.index.archive.ArchiveEntry;
import org.lorebot.index.archive.ArchiveProblem;
import org.lorebot.index.archive.ArchiveSource;
import org.lorebot.index.archive.ArchiveSources;
import org.lorebot.index.archive.ArchiveVisitor;
import org.lorebot.index.mail.MailMessage;
import org.lorebot.index.mail.MailParser;
import org.lorebot.index.store.BodySections;
import org.lorebot.index.store.IndexedMessage;
import org.lorebot.index.store.MailStore;
import org.lorebot.index.store.MessageDocument;
import org.lorebot.index.thread.MessageReferences;

/**
 * Where ingest time goes: single-threaded CPU time of each stage over one archive held in
 * memory (MIME parsing, patch-id, body sections and blob ids alone, document building with text
 * analysis, Lucene indexing).
 * Not a test: {@code java -cp ... org.lorebot.index.bench.StageBenchmark ARCHIVE [ROUNDS]}.
 */
public final class StageBenchmark {

    private StageBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path archive = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<ArchiveEntry> entries = new ArrayList<>();
        try (ArchiveSource source = ArchiveSources.open(archive)) {
            source.read(java.util.Map.of(), new ArchiveVisitor() {
                @Override
                public void entry(ArchiveEntry entry) {
                    entries.add(entry);
                }

                @Override
                public void problem(ArchiveProblem problem) {
                }
            });
        }
        MailParser parser = new MailParser();
        for (int round = 1; round <= rounds; round++) {
            long t0 = cpu();
            List<MailMessage> messages = new ArrayList<>();
            for (ArchiveEntry e : entries) {
                try {
                    messages.add(parser.parse(e.raw(), e.time()));
                } catch (Exception skipped) {
                    // counted by the real ingest; here only time matters
                }
            }
            long t1 = cpu();
            List<String> patchIds = new ArrayList<>();
            for (MailMessage m : messages) {
                patchIds.add(PatchId.of(m.body()));
            }
            long t2 = cpu();
            int sink = 0;
            for (MailMessage m : messages) {
                BodySections sections = BodySections.of(m.body());
                sink += sections.added().length() + sections.blobIds().postImageTerms().size();
            }
            long t2s = cpu();
            List<Document> docs = new ArrayList<>();
            for (int i = 0; i < messages.size(); i++) {
                MailMessage m = messages.get(i);
                docs.add(MessageDocument.of(new IndexedMessage("bench", m, MessageReferences.of(m),
                        patchIds.get(i), entries.get(i).raw(), "epoch", null)));
            }
            long t3 = cpu();
            Path dir = Files.createTempDirectory("lorebot-stage-");
            try (MailStore store = MailStore.open(dir)) {
                long seq = 1;
                for (Document doc : docs) {
                    MessageDocument.setSequence(doc, seq++);
                    store.put(doc.get("mid"), doc);
                }
                store.commit("bench", java.util.Map.of(), seq);
            }
            long t4 = cpu();
            int n = messages.size();
            System.out.printf("round %d, %d messages, CPU ms a message: parse %.3f, patch-id %.3f,"
                    + " body sections+blob ids %.3f (%d), document+analysis %.3f (sections and ids"
                    + " again), Lucene add+commit %.3f, total %.3f%n", round, n,
                    (t1 - t0) / 1e6 / n, (t2 - t1) / 1e6 / n, (t2s - t2) / 1e6 / n, sink,
                    (t3 - t2s) / 1e6 / n, (t4 - t3) / 1e6 / n, (t4 - t0) / 1e6 / n);
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static long cpu() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }
}
