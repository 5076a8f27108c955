package org.lorebot.index.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lorebot.index.fixture.LinuxMtdFixture;
import org.lorebot.index.mail.MailMessage;
import org.lorebot.index.mail.MailParser;
import org.lorebot.index.mail.MalformedMailException;

/**
 * The real linux-mtd archive, warts included, against what public-inbox 1.9.0 indexed of it.
 * Skipped (with a message) when $LOREBOT_FIXTURES is not set.
 */
class LinuxMtdArchiveTest {

    private static Path repository;
    private static RecordingVisitor seen;

    @BeforeAll
    static void readTheWholeArchive() throws IOException {
        repository = LinuxMtdFixture.repository();
        seen = new RecordingVisitor();
        try (ArchiveSource source = ArchiveSources.open(repository)) {
            assertEquals(LinuxMtdFixture.COMMITS, source.estimate(Map.of()));
            source.read(Map.of(), seen);
        }
    }

    @Test
    void readsEveryCommitAndReportsTheOneMissingBlob() throws IOException {
        assertEquals(LinuxMtdFixture.COMMITS - LinuxMtdFixture.MISSING_BLOBS, seen.entries.size());
        assertEquals(LinuxMtdFixture.MISSING_BLOBS, seen.problems.size(), seen.problems.toString());
        ArchiveProblem missing = seen.problems.get(0);
        assertTrue(missing.reason().startsWith("missing blob "), missing.reason());
        assertEquals("git/0.git", missing.epoch());

        // every commit of the first-parent history is accounted for, in order
        List<String> positions = new ArrayList<>();
        int entry = 0;
        for (RevCommit commit : GitHistory.firstParentsOldestFirst(repository)) {
            if (commit.name().equals(missing.position())) {
                positions.add(commit.name());
            } else {
                positions.add(seen.entries.get(entry++).position());
            }
        }
        assertEquals(GitHistory.firstParentsOldestFirst(repository).stream().map(RevCommit::name).toList(), positions);
    }

    @Test
    void parsesEveryMessageToTheIdsPublicInboxIndexed() throws IOException {
        MailParser parser = new MailParser();
        Map<String, List<ArchiveEntry>> byId = new HashMap<>();
        Map<String, String> idBySubject = new HashMap<>();
        List<String> malformed = new ArrayList<>();
        for (ArchiveEntry e : seen.entries) {
            try {
                MailMessage m = parser.parse(e.raw(), e.time());
                byId.computeIfAbsent(m.messageId(), k -> new ArrayList<>()).add(e);
                idBySubject.put(m.subject(), m.messageId());
                // decoded well enough to search: text, a sender, no encoded words left over
                if (m.body().isBlank() || m.from().address().isEmpty() || m.subject().contains("=?")) {
                    malformed.add(e.position() + ": poorly decoded " + m.messageId());
                }
            } catch (MalformedMailException ex) {
                malformed.add(e.position() + ": " + ex.getMessage());
            }
        }
        assertEquals(List.of(), malformed, "every message of linux-mtd has a Message-ID");

        Set<String> indexed = new TreeSet<>();
        for (String line : Files.readAllLines(LinuxMtdFixture.threadsOracle())) {
            String[] fields = line.split("\t");
            indexed.addAll(List.of(fields[1].split(" ")));
        }
        assertEquals(LinuxMtdFixture.INDEXED_MESSAGES, indexed.size());
        // the same set: 8,592 readable messages minus the second copies of duplicated ones
        assertEquals(indexed, new TreeSet<>(byId.keySet()));

        // 7 Message-IDs come twice, as distinct blobs (the copies differ in bytes) parsing to one id
        List<String> twice = byId.entrySet().stream().filter(x -> x.getValue().size() == 2).map(Map.Entry::getKey).toList();
        assertEquals(LinuxMtdFixture.DUPLICATED_MESSAGES, twice.size(), twice.toString());
        assertTrue(byId.values().stream().allMatch(copies -> copies.size() <= 2));
        for (String id : twice) {
            assertTrue(!byId.get(id).get(0).blob().equals(byId.get(id).get(1).blob()), id);
        }
        // 8,593 commits - 1 unreadable - 7 second copies = the 8,585 messages public-inbox indexed
        assertEquals(LinuxMtdFixture.INDEXED_MESSAGES,
                LinuxMtdFixture.COMMITS - LinuxMtdFixture.MISSING_BLOBS - twice.size());

        // the unreadable commit carries its message's subject (public-inbox's commit message):
        // no readable message has it, so that message is lost to public-inbox as well
        String missing = seen.problems.get(0).position();
        RevCommit missingCommit = GitHistory.firstParentsOldestFirst(repository).stream()
                .filter(c -> c.name().equals(missing)).findFirst().orElseThrow();
        assertEquals("[RFC PATCH 3/3] mtd: rawnand: micron: Address the shallow erase issue",
                missingCommit.getShortMessage());
        assertTrue(!idBySubject.containsKey(missingCommit.getShortMessage()));
    }
}
