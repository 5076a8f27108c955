package org.lorebot.index.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lorebot.index.archive.ArchiveEntry;
import org.lorebot.index.archive.ArchiveProblem;
import org.lorebot.index.archive.ArchiveSource;
import org.lorebot.index.archive.ArchiveSources;
import org.lorebot.index.archive.ArchiveVisitor;
import org.lorebot.index.fixture.LinuxMtdFixture;
import org.lorebot.index.mail.MailMessage;
import org.lorebot.index.mail.MailParser;
import org.lorebot.index.thread.MessageReferences;

/**
 * The text the ingest analyses on its parsing threads (words and stems handed to Lucene as bytes)
 * indexes exactly what the query side's analyzer ({@link MailAnalyzer}) makes of the same text:
 * the whole real linux-mtd archive indexed both ways, every term of every text field compared
 * with its documents, frequencies and positions.
 */
class AnalyzedIndexTest {

    @TempDir
    static Path dir;
    private static final List<IndexedMessage> MESSAGES = new ArrayList<>();

    @BeforeAll
    static void readArchive() throws Exception {
        MailParser parser = new MailParser();
        try (ArchiveSource source = ArchiveSources.open(LinuxMtdFixture.repository())) {
            source.read(Map.of(), new ArchiveVisitor() {
                @Override
                public void entry(ArchiveEntry entry) {
                    try {
                        MailMessage m = parser.parse(entry.raw(), entry.time());
                        MESSAGES.add(new IndexedMessage("linux-mtd", m, MessageReferences.of(m),
                                null, entry.raw(), "0", null));
                    } catch (Exception malformed) {
                        // the ingest logs and skips it too
                    }
                }

                @Override
                public void problem(ArchiveProblem problem) {
                }
            });
        }
    }

    /** The text as it was before the ingest analysed it: a string for the analyzer. */
    private static void asText(Document doc, String field, String value) {
        if (value != null && !value.isEmpty()) {
            doc.add(new Field(field, value, MessageDocument.WORDS));
            doc.add(new Field(IndexFields.stemmed(field), value, MessageDocument.STEMS));
        }
    }

    private static Directory index(String name, MessageDocument.TextFields text) throws IOException {
        Directory directory = FSDirectory.open(dir.resolve(name));
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new MailAnalyzer()))) {
            for (IndexedMessage message : MESSAGES) {
                writer.addDocument(MessageDocument.of(message, text));
            }
        }
        return directory;
    }

    @Test
    void everyTermPostingAndPositionIsTheAnalyzers() throws IOException {
        assertTrue(MESSAGES.size() > 8_000, "messages read: " + MESSAGES.size());
        try (Directory analyzed = index("analyzed", MessageDocument::text);
             Directory expected = index("analyzer", AnalyzedIndexTest::asText);
             IndexReader actual = DirectoryReader.open(analyzed);
             IndexReader oracle = DirectoryReader.open(expected)) {
            assertEquals(oracle.maxDoc(), actual.maxDoc());
            long postings = 0;
            for (String text : IndexFields.TEXT_FIELDS) {
                postings += compare(oracle, actual, text, true);
                postings += compare(oracle, actual, IndexFields.stemmed(text), false);
            }
            assertTrue(postings > 1_000_000, "postings compared: " + postings);
        }
    }

    /** The number of postings compared. */
    private static long compare(IndexReader oracle, IndexReader actual, String field,
                                boolean positions) throws IOException {
        Terms expectedTerms = MultiTerms.getTerms(oracle, field);
        Terms actualTerms = MultiTerms.getTerms(actual, field);
        if (expectedTerms == null) {
            assertTrue(actualTerms == null, field + " has terms the analyzer does not give");
            return 0;
        }
        assertNotNull(actualTerms, field + " has no terms");
        TermsEnum expectedEnum = expectedTerms.iterator();
        TermsEnum actualEnum = actualTerms.iterator();
        PostingsEnum expectedPostings = null;
        PostingsEnum actualPostings = null;
        long compared = 0;
        for (BytesRef term; (term = expectedEnum.next()) != null; ) {
            BytesRef other = actualEnum.next();
            assertEquals(term.utf8ToString(), other == null ? null : other.utf8ToString(), field);
            String where = field + ":" + term.utf8ToString();
            expectedPostings = expectedEnum.postings(expectedPostings, PostingsEnum.POSITIONS);
            actualPostings = actualEnum.postings(actualPostings, PostingsEnum.POSITIONS);
            for (int doc; (doc = expectedPostings.nextDoc()) != DocIdSetIterator.NO_MORE_DOCS; ) {
                assertEquals(doc, actualPostings.nextDoc(), where);
                compared++;
                if (positions) {
                    assertEquals(expectedPostings.freq(), actualPostings.freq(), where);
                    for (int i = 0; i < expectedPostings.freq(); i++) {
                        assertEquals(expectedPostings.nextPosition(), actualPostings.nextPosition(), where);
                    }
                }
            }
            assertEquals(DocIdSetIterator.NO_MORE_DOCS, actualPostings.nextDoc(), where);
        }
        assertEquals(null, actualEnum.next(), field + " has more terms than the analyzer gives");
        return compared;
    }
}
