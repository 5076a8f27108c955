package org.lorebot.index.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.lorebot.index.MailIndex;
import org.lorebot.index.fixture.LinuxMtdFixture;
import org.lorebot.index.ingest.IngestSummary;

/**
 * lorebot against what public-inbox 1.9.0 itself made of the real linux-mtd archive: the same
 * threads, and the same messages for every query of {@code queries.txt}. The local index here;
 * a subclass runs the same assertions on another backend.
 */
public class LinuxMtdOracleTest {

    /** The index under test, the archive ingested into it once. */
    protected MailIndex index() {
        return LinuxMtdIndex.shared();
    }

    /** What that ingest reported. */
    protected IngestSummary summary() {
        return LinuxMtdIndex.summary();
    }

    @Test
    public void threadsAreExactlyPublicInboxThreads() throws Exception {
        MailIndex index = index();
        List<String> mismatches = new ArrayList<>();
        int threads = 0;
        int messages = 0;
        for (String line : Files.readAllLines(LinuxMtdFixture.threadsOracle())) {
            String[] fields = line.split("\t");
            Set<String> expected = new TreeSet<>(List.of(fields[1].split(" ")));
            threads++;
            messages += expected.size();
            String first = expected.iterator().next();
            Set<String> actual = new TreeSet<>();
            index.thread(first).ifPresent(t -> t.entries().stream().filter(e -> !e.ghost())
                    .forEach(e -> actual.add(e.messageId())));
            if (!actual.equals(expected)) {
                mismatches.add("public-inbox thread " + fields[0] + ": expected " + expected
                        + " but lorebot has " + actual);
            }
        }
        assertEquals(LinuxMtdFixture.THREADS, threads);
        assertEquals(List.of(), mismatches.subList(0, Math.min(5, mismatches.size())),
                mismatches.size() + " threads differ");
        assertEquals(messages, index.size(), "every message public-inbox indexed, and no other");
    }

    @Test
    public void everyOracleQueryFindsTheSameMessages() throws Exception {
        MailIndex index = index();
        List<String> mismatches = new ArrayList<>();
        List<String> lines = Files.readAllLines(LinuxMtdFixture.searchOracle());
        for (String line : lines) {
            String[] fields = line.split("\t", -1);
            String query = fields[0];
            Set<String> expected = fields.length > 2 && !fields[2].isEmpty()
                    ? new TreeSet<>(List.of(fields[2].split(" "))) : Set.of();
            assertEquals(Integer.parseInt(fields[1]), expected.size(), "oracle line for " + query);
            SearchResults results = index.search(query, 0, 0);
            Set<String> actual = new TreeSet<>();
            results.hits().forEach(h -> actual.add(h.messageId()));
            assertEquals(results.total(), results.hits().size(), query);
            if (!actual.equals(expected)) {
                Set<String> missing = new TreeSet<>(expected);
                missing.removeAll(actual);
                Set<String> extra = new TreeSet<>(actual);
                extra.removeAll(expected);
                mismatches.add(query + ": public-inbox " + expected.size() + ", lorebot "
                        + actual.size() + "; missing " + first(missing) + " extra " + first(extra));
            }
        }
        assertEquals(25, lines.size());
        assertTrue(mismatches.isEmpty(), String.join("\n", mismatches));
    }

    private static List<String> first(Set<String> ids) {
        return new ArrayList<>(ids).subList(0, Math.min(4, ids.size()));
    }

    @Test
    public void summaryCountsDuplicatesAndTheMissingBlob() throws IOException {
        var summary = summary();
        assertEquals(LinuxMtdFixture.COMMITS, summary.read());
        assertEquals(LinuxMtdFixture.MISSING_BLOBS, summary.unreadable(), summary.problems().toString());
        assertEquals(0, summary.malformed(), summary.problems().toString());
        // Eight messages were delivered twice, but one second copy is the missing blob: seven
        // duplicates are read and skipped, the first copy kept.
        assertEquals(LinuxMtdFixture.COMMITS - LinuxMtdFixture.MISSING_BLOBS
                - LinuxMtdFixture.INDEXED_MESSAGES, summary.duplicates());
        assertEquals(LinuxMtdFixture.INDEXED_MESSAGES, summary.added());
        assertEquals(summary.added(), index().size());
    }

    /**
     * Issue 11 point 6: a pure rename has no ---/+++ lines, only {@code diff --git a/X b/Y};
     * public-inbox takes dfn: from that line too, so linux-mtd's spi-nor.c -> core.c renames
     * are found by the new name and the old one.
     */
    @Test
    public void renamesAreFoundByBothFileNames() throws Exception {
        MailIndex index = index();
        Set<String> renames = new TreeSet<>();
        index.search("nq:\"rename to drivers/mtd/spi-nor/core.c\"", 0, 0).hits()
                .forEach(h -> renames.add(h.messageId()));
        assertTrue(renames.size() >= 2, "the rename patches: " + renames);
        Set<String> byNewName = new TreeSet<>();
        index.search("dfn:drivers/mtd/spi-nor/core.c", 0, 0).hits().forEach(h -> byNewName.add(h.messageId()));
        Set<String> byOldName = new TreeSet<>();
        index.search("dfn:drivers/mtd/spi-nor/spi-nor.c", 0, 0).hits().forEach(h -> byOldName.add(h.messageId()));
        for (String rename : renames) {
            assertTrue(byNewName.contains(rename), rename + " by its new name");
            assertTrue(byOldName.contains(rename), rename + " by its old name");
        }
    }
}
