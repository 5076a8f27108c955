package org.lorebot.index.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.lorebot.index.archive.ArchiveEntry;
import org.lorebot.index.archive.ArchiveProblem;
import org.lorebot.index.archive.ArchiveSource;
import org.lorebot.index.archive.ArchiveVisitor;
import org.lorebot.index.archive.GitArchiveSource;
import org.lorebot.index.fixture.PublicInboxFixtures;

/** Parses every message public-inbox 1.9.0 stored and compares with what it indexed. */
class PublicInboxFixtureParsingTest {

    @Test
    void parsesTheMessageIdsPublicInboxIndexed() throws Exception {
        Path inbox = PublicInboxFixtures.v2();
        List<MailMessage> parsed = parseAll(GitArchiveSource.v2Inbox(inbox));

        assertEquals(PublicInboxFixtures.MESSAGES, parsed.size());
        assertEquals(PublicInboxFixtures.FIRST_MESSAGE_ID, parsed.get(0).messageId());
        Set<String> ids = new HashSet<>();
        parsed.forEach(m -> ids.add(m.messageId()));
        assertEquals(query(inbox.resolve("msgmap.sqlite3"), "SELECT mid FROM msgmap"), ids);
        for (MailMessage m : parsed) {
            assertFalse(m.from().address().isEmpty(), m.messageId());
            assertFalse(m.subject().isEmpty(), m.messageId());
            assertFalse(m.body().isBlank(), m.messageId());
            assertEquals("linux-kernel.vger.kernel.org", m.listId());
        }
    }

    @Test
    void theV1InboxHoldsTheSameMessages() throws Exception {
        Path v1 = PublicInboxFixtures.v1();
        List<MailMessage> parsed = parseAll(GitArchiveSource.v1Inbox(v1));
        Set<String> ids = new HashSet<>();
        parsed.forEach(m -> ids.add(m.messageId()));
        assertEquals(PublicInboxFixtures.MESSAGES, ids.size());
        assertEquals(query(v1.resolve("public-inbox/msgmap.sqlite3"), "SELECT mid FROM msgmap"), ids);
    }

    @Test
    void repliesPointAtParentsThatExistAsPublicInboxThreadedThem() throws Exception {
        Path inbox = PublicInboxFixtures.v2();
        List<MailMessage> parsed = parseAll(GitArchiveSource.v2Inbox(inbox));
        Map<String, MailMessage> byId = new HashMap<>();
        parsed.forEach(m -> byId.put(m.messageId(), m));
        // the fixture has no ghosts: every reference resolves inside the inbox
        int replies = 0;
        for (MailMessage m : parsed) {
            for (String ref : m.references()) {
                assertTrue(byId.containsKey(ref), m.messageId() + " refers to unknown " + ref);
            }
            if (m.inReplyTo() != null) {
                replies++;
                assertEquals(m.inReplyTo(), m.references().get(m.references().size() - 1));
            }
        }
        // public-inbox's thread count equals the number of roots (messages without parents)
        long roots = parsed.stream().filter(m -> m.references().isEmpty()).count();
        assertEquals(query(inbox.resolve("xap15/over.sqlite3"), "SELECT DISTINCT tid FROM over").size(), roots);
        assertEquals(PublicInboxFixtures.THREADS, roots);
        assertTrue(replies > 0);
    }

    @Test
    void oneParserServesManyThreadsWithTheSameResults() throws Exception {
        List<byte[]> raws = new ArrayList<>();
        try (GitArchiveSource source = GitArchiveSource.v2Inbox(PublicInboxFixtures.v2())) {
            source.read(Map.of(), new ArchiveVisitor() {
                @Override
                public void entry(ArchiveEntry entry) {
                    raws.add(entry.raw());
                }

                @Override
                public void problem(ArchiveProblem problem) {
                }
            });
        }
        MailParser parser = new MailParser();
        List<MailMessage> sequential = new ArrayList<>();
        for (byte[] raw : raws) {
            sequential.add(parser.parse(raw));
        }
        for (int round = 0; round < 5; round++) {
            List<MailMessage> parallel = raws.parallelStream().map(raw -> {
                try {
                    return parser.parse(raw);
                } catch (MalformedMailException e) {
                    throw new AssertionError(e);
                }
            }).toList();
            assertEquals(sequential, parallel);
        }
    }

    private static List<MailMessage> parseAll(ArchiveSource source) throws Exception {
        MailParser parser = new MailParser();
        List<MailMessage> parsed = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        try (source) {
            source.read(Map.of(), new ArchiveVisitor() {
                @Override
                public void entry(ArchiveEntry entry) {
                    try {
                        parsed.add(parser.parse(entry.raw(), entry.time()));
                    } catch (MalformedMailException e) {
                        failures.add(entry.position() + ": " + e.getMessage());
                    }
                }

                @Override
                public void problem(ArchiveProblem problem) {
                    failures.add(problem.toString());
                }
            });
        }
        assertEquals(List.of(), failures);
        return parsed;
    }

    static Set<String> query(Path sqlite, String sql) throws Exception {
        Set<String> values = new HashSet<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + sqlite + "?mode=ro");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
