package org.lorebot.index.ingest;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.util.BytesRef;
import org.lorebot.analyzers.patch.PatchId;
import org.lorebot.index.mail.ContentHash;
import org.lorebot.index.mail.MailMessage;
import org.lorebot.index.mail.MailParser;
import org.lorebot.index.mail.MalformedMailException;
import org.lorebot.index.store.IndexFields;
import org.lorebot.index.store.IndexedMessage;
import org.lorebot.index.store.MessageDocument;
import org.lorebot.index.thread.MessageReferences;

/**
 * What to do with a message whose Message-ID is already indexed, so that no mail is lost to an
 * id another took first and none is stored twice. The same mail from another list is a
 * cross-post: its document joins that list. Another mail is indexed under its first id not
 * yet seen (public-inbox-mda adds a generated Message-ID header to it), or, from an mbox,
 * under an id derived from its content. Anything else is a duplicate.
 */
final class MessageIdentities {

    /**
     * The stored fields of the document indexed under an id, every write before included (which
     * waits for the writes in flight: asked only for an id the run wrote itself).
     */
    interface StoredDocuments {
        Document find(String messageId) throws IOException;
    }

    private final KnownMessages known;
    private final MailParser parser;
    private final StoredDocuments stored;

    MessageIdentities(KnownMessages known, MailParser parser, StoredDocuments stored) {
        this.known = known;
        this.parser = parser;
        this.stored = stored;
    }

    /**
     * The document of the indexed mail, now belonging to {@code list} too, when {@code incoming}
     * is that same mail arriving on another list; else null.
     */
    Document crossPost(IndexedMessage incoming, String list) throws IOException {
        String id = incoming.message().messageId();
        if (known.writtenSinceSnapshot(id)) {
            return null; // the run, which reads one list, wrote it: it is on that list already
        }
        Document doc = known.snapshotDocument(id);
        if (doc == null) {
            return null;
        }
        List<String> lists = List.of(doc.getValues(IndexFields.LIST));
        if (lists.isEmpty() || lists.contains(list)) {
            return null;
        }
        MailMessage indexed = parse(doc);
        if (indexed == null || !ContentHash.of(indexed).equals(ContentHash.of(incoming.message()))) {
            return null;
        }
        String epoch = doc.get(IndexFields.EPOCH);
        IndexedMessage again = new IndexedMessage(lists.get(0), indexed,
                MessageReferences.of(indexed), PatchId.of(indexed.body()), raw(doc),
                epoch == null || epoch.isEmpty() ? null : epoch, doc.get(IndexFields.BLOB), null);
        Document joined = MessageDocument.of(again);
        for (String other : lists.subList(1, lists.size())) {
            MessageDocument.addList(joined, other);
        }
        MessageDocument.addList(joined, list);
        MessageDocument.setSequence(joined, doc.getField(IndexFields.SEQUENCE).numericValue().longValue());
        return joined;
    }

    /**
     * The id to index {@code incoming} under, its first id being taken; null when it is the
     * indexed mail again. A git archive without public-inbox's extra header is public-inbox's
     * own dedup: the repeat is dropped, as public-inbox-index drops it.
     *
     * @param fromGit whether it came from a public-inbox git archive (else an mbox)
     */
    String unusedId(IndexedMessage incoming, boolean fromGit) throws IOException {
        MailMessage message = incoming.message();
        for (String candidate : message.messageIds()) {
            if (!known.contains(candidate)) {
                return candidate;
            }
        }
        if (fromGit) {
            return null;
        }
        String derived = ContentHash.derivedId(message);
        if (known.contains(derived) || sameContentIndexed(message)) {
            return null;
        }
        return derived;
    }

    private boolean sameContentIndexed(MailMessage message) throws IOException {
        String id = message.messageId();
        Document doc = known.writtenSinceSnapshot(id) ? stored.find(id) : known.snapshotDocument(id);
        MailMessage indexed = doc == null ? null : parse(doc);
        return indexed != null && ContentHash.of(indexed).equals(ContentHash.of(message));
    }

    /** The mail a stored document was made from, parsed again from its bytes. */
    private MailMessage parse(Document doc) {
        byte[] raw = raw(doc);
        if (raw == null) {
            return null;
        }
        try {
            return parser.parse(raw).withMessageId(doc.get(IndexFields.MID));
        } catch (MalformedMailException e) {
            return null;
        }
    }

    private static byte[] raw(Document doc) {
        BytesRef raw = doc.getBinaryValue(IndexFields.RAW);
        return raw == null ? null : Arrays.copyOfRange(raw.bytes, raw.offset, raw.offset + raw.length);
    }
}
