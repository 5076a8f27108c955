package org.lorebot.index.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;
import org.lorebot.index.mail.Address;
import org.lorebot.index.mail.MailMessage;

/**
 * Turns an {@link IndexedMessage} into its Lucene document (see {@link IndexFields}). Text is
 * analyzed here, on the calling (parsing) thread, so that the index writer only inverts terms.
 */
public final class MessageDocument {

    /** A text's words, with positions. */
    static final FieldType WORDS = new FieldType();
    /** A text's stems that differ from their words: which documents have them, nothing more. */
    static final FieldType STEMS = new FieldType();
    /**
     * Message-IDs with a run of this many word characters ({@code [A-Za-z0-9_]}) also get their
     * runs of {@link #WORD_RUN} or more as words; tested by a loop, not a regex, for every id.
     */
    private static final int LONG_WORD = 12;
    private static final int WORD_RUN = 3;

    static {
        WORDS.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
        WORDS.setTokenized(true);
        WORDS.setOmitNorms(true);
        WORDS.freeze();
        STEMS.setIndexOptions(IndexOptions.DOCS);
        STEMS.setTokenized(true);
        STEMS.setOmitNorms(true);
        STEMS.freeze();
    }

    private MessageDocument() {
    }

    /** How a text field's value goes into a document. */
    @FunctionalInterface
    interface TextFields {
        void add(Document doc, String field, String value);
    }

    /** The document, without its sequence number (see {@link #setSequence}). */
    public static Document of(IndexedMessage indexed) {
        return of(indexed, MessageDocument::text);
    }

    /** The same, its text fields added by {@code text} (a test gives them to the analyzer). */
    static Document of(IndexedMessage indexed, TextFields text) {
        MailMessage m = indexed.message();
        Document doc = new Document();
        String id = m.messageId();
        doc.add(new StringField(IndexFields.MID, id, Field.Store.YES));
        doc.add(new SortedDocValuesField(IndexFields.MID, new BytesRef(id)));
        List<String> idWords = new ArrayList<>(m.messageIds().size());
        for (String each : m.messageIds()) {
            idWords.add(messageIdWords(each));
        }
        text.add(doc, IndexFields.MID_TEXT, String.join(String.valueOf(XapianTokenizer.SECTION_BREAK), idWords));
        text.add(doc, IndexFields.SUBJECT, m.subject());
        text.add(doc, IndexFields.FROM, m.from() == null ? "" : m.from().toString());
        text.add(doc, IndexFields.TO, addresses(m.to()));
        text.add(doc, IndexFields.CC, addresses(m.cc()));
        BodySections body = BodySections.of(m.body());
        text.add(doc, IndexFields.NOT_QUOTED, body.notQuoted());
        text.add(doc, IndexFields.QUOTED, body.quoted());
        text.add(doc, IndexFields.DIFF_FILE, body.fileNames());
        text.add(doc, IndexFields.DIFF_REMOVED, body.removed());
        text.add(doc, IndexFields.DIFF_ADDED, body.added());
        text.add(doc, IndexFields.DIFF_HUNK_HEADING, body.hunkHeadings());
        text.add(doc, IndexFields.DIFF_CONTEXT, body.context());
        text.add(doc, IndexFields.LIST_TEXT, listWords(indexed.list(), m.listId()));
        text.add(doc, IndexFields.ATTACHMENT_NAME,
                String.join(String.valueOf(XapianTokenizer.SECTION_BREAK), m.attachmentNames()));
        DiffBlobIds blobs = body.blobIds();
        for (String term : blobs.preImageTerms()) {
            doc.add(new StringField(IndexFields.DIFF_PRE_BLOB, term, Field.Store.NO));
        }
        for (String term : blobs.postImageTerms()) {
            doc.add(new StringField(IndexFields.DIFF_POST_BLOB, term, Field.Store.NO));
        }
        doc.add(new StringField(IndexFields.LIST, indexed.list(), Field.Store.YES));
        if (indexed.patchId() != null) {
            doc.add(new StringField(IndexFields.PATCH_ID,
                    indexed.patchId().toLowerCase(Locale.ROOT), Field.Store.YES));
        }
        long date = m.date() == null ? 0 : m.date().getEpochSecond();
        doc.add(new LongPoint(IndexFields.DATE, date));
        doc.add(new NumericDocValuesField(IndexFields.DATE, date));
        doc.add(new StoredField(IndexFields.DATE, date));
        doc.add(new LongPoint(IndexFields.RECEIVED,
                indexed.received() != null ? indexed.received().getEpochSecond() : date));
        doc.add(new BinaryDocValuesField(IndexFields.THREAD_REFS,
                new BytesRef(String.join(IndexFields.REFS_SEPARATOR, indexed.references()))));
        for (String ref : indexed.references()) {
            doc.add(new StringField(IndexFields.REFERENCE, ref, Field.Store.NO));
        }
        String from = m.from() == null ? "" : m.from().toString();
        doc.add(new StoredField(IndexFields.STORED_SUBJECT, m.subject()));
        doc.add(new StoredField(IndexFields.STORED_FROM, from));
        // Search results and thread overviews read these from doc values: a stored-field read
        // inflates a whole compressed block of raw messages for three short strings.
        doc.add(new BinaryDocValuesField(IndexFields.STORED_SUBJECT, new BytesRef(m.subject())));
        doc.add(new BinaryDocValuesField(IndexFields.STORED_FROM, new BytesRef(from)));
        doc.add(new SortedDocValuesField(IndexFields.LIST, new BytesRef(indexed.list())));
        doc.add(new StoredField(IndexFields.RAW, indexed.raw()));
        doc.add(new StoredField(IndexFields.EPOCH, indexed.epoch() == null ? "" : indexed.epoch()));
        if (indexed.blob() != null) {
            doc.add(new StoredField(IndexFields.BLOB, indexed.blob()));
        }
        return doc;
    }

    /**
     * Makes the document of a cross-posted message belong to {@code list} too: {@code l:} and
     * the list's pages find it there. The list it came from first stays its display list.
     */
    public static void addList(Document doc, String list) {
        doc.add(new StringField(IndexFields.LIST, list, Field.Store.YES));
        text(doc, IndexFields.LIST_TEXT, list);
    }

    /** Adds the ingest sequence number, assigned in archive order by the writer. */
    public static void setSequence(Document doc, long sequence) {
        doc.add(new NumericDocValuesField(IndexFields.SEQUENCE, sequence));
        doc.add(new StoredField(IndexFields.SEQUENCE, sequence));
    }

    static void text(Document doc, String field, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        AnalyzedText analyzed = AnalyzedText.of(value);
        if (analyzed.isEmpty()) {
            return;
        }
        doc.add(new AnalyzedField(field, WORDS, analyzed, false));
        doc.add(new AnalyzedField(IndexFields.stemmed(field), STEMS, analyzed, true));
    }

    private static String addresses(List<Address> addresses) {
        List<String> parts = new ArrayList<>(addresses.size());
        for (Address address : addresses) {
            parts.add(address.toString());
        }
        return String.join(", ", parts);
    }

    /**
     * The id's words; ids with a long word run (many start "Pine.LNX." or are hex) also get their
     * runs of three or more word characters, as public-inbox indexes them.
     */
    static String messageIdWords(String id) {
        if (!hasWordRun(id, LONG_WORD)) {
            return id;
        }
        StringBuilder words = new StringBuilder(2 * id.length() + 1).append(id)
                .append(XapianTokenizer.SECTION_BREAK);
        int length = id.length();
        boolean first = true;
        for (int start = 0; start < length; ) {
            int end = wordRunEnd(id, start);
            if (end - start >= WORD_RUN) {
                if (!first) {
                    words.append(' ');
                }
                words.append(id, start, end);
                first = false;
            }
            start = end + 1;
        }
        return words.toString();
    }

    /** Whether {@code id} has a run of at least {@code length} word characters. */
    private static boolean hasWordRun(String id, int length) {
        for (int start = 0; start < id.length(); ) {
            int end = wordRunEnd(id, start);
            if (end - start >= length) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }

    /** The end of the run of word characters (a regex's {@code \w}) at {@code start}. */
    private static int wordRunEnd(String id, int start) {
        int end = start;
        while (end < id.length() && isRegexWordChar(id.charAt(end))) {
            end++;
        }
        return end;
    }

    private static boolean isRegexWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    private static String listWords(String list, String listId) {
        if (listId == null || listId.isBlank()) {
            return list;
        }
        String id = bracketed(listId);
        return list + XapianTokenizer.SECTION_BREAK + (id != null ? id : listId.strip()).toLowerCase(Locale.ROOT);
    }

    /** The first {@code <...>} with something inside, without its brackets, or null. */
    private static String bracketed(String value) {
        for (int open = value.indexOf('<'); open >= 0; open = value.indexOf('<', open + 1)) {
            int close = value.indexOf('>', open + 1);
            if (close < 0) {
                return null;
            }
            if (close > open + 1) {
                return value.substring(open + 1, close);
            }
        }
        return null;
    }
}
