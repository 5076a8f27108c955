package org.lorebot.index.solr;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.util.BytesRef;
import org.lorebot.analyzers.patch.PatchId;
import org.lorebot.index.mail.MailMessage;
import org.lorebot.index.mail.MailParser;
import org.lorebot.index.mail.MalformedMailException;
import org.lorebot.index.store.IndexFields;
import org.lorebot.index.store.IndexedMessage;
import org.lorebot.index.store.MessageDocument;
import org.lorebot.index.thread.MessageReferences;

/**
 * Rebuilds a message's whole document from what the collection stores of it (the raw message,
 * its lists, where it came from, its sequence and arrival), through the same parser and
 * {@link MessageDocument} as ingest: a message whose thread root moved must be added again under
 * its new routing key, and Solr keeps no copy of the analysed text to move.
 */
final class Reindexing {

    private final MailParser parser;

    Reindexing(MailParser parser) {
        this.parser = parser;
    }

    Document rebuild(Document stored) throws MalformedMailException {
        BytesRef bytes = stored.getBinaryValue(IndexFields.RAW);
        byte[] raw = Arrays.copyOfRange(bytes.bytes, bytes.offset, bytes.offset + bytes.length);
        long date = number(stored.getField(IndexFields.DATE));
        String id = stored.get(IndexFields.MID);
        MailMessage message = parser.parse(raw, Instant.ofEpochSecond(date)).withMessageId(id);
        List<String> lists = List.of(stored.getValues(IndexFields.LIST));
        String epoch = stored.get(IndexFields.EPOCH);
        IndexableField received = stored.getField(IndexFields.RECEIVED);
        IndexedMessage indexed = new IndexedMessage(lists.get(0), message,
                MessageReferences.of(message), PatchId.of(message.body()), raw,
                epoch == null || epoch.isEmpty() ? null : epoch, stored.get(IndexFields.BLOB),
                received == null ? null : Instant.ofEpochSecond(number(received)));
        Document doc = MessageDocument.of(indexed);
        for (String other : lists.subList(1, lists.size())) {
            MessageDocument.addList(doc, other);
        }
        MessageDocument.setSequence(doc, number(stored.getField(IndexFields.SEQUENCE)));
        return doc;
    }

    private static long number(IndexableField field) {
        return field == null ? 0 : field.numericValue().longValue();
    }
}
