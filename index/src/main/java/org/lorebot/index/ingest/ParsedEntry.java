package org.lorebot.index.ingest;

import org.apache.lucene.document.Document;
import org.lorebot.index.archive.ArchiveEntry;
import org.lorebot.index.archive.ArchiveProblem;
import org.lorebot.index.store.IndexedMessage;

/**
 * One archive event after the parsing stage: a parsed message with its document, a malformed
 * message with the reason, or an unreadable entry reported by the archive.
 */
record ParsedEntry(ArchiveEntry entry, ArchiveProblem problem, IndexedMessage message,
                   Document document, String malformedReason) {

    static ParsedEntry unreadable(ArchiveProblem problem) {
        return new ParsedEntry(null, problem, null, null, null);
    }

    static ParsedEntry malformed(ArchiveEntry entry, String reason) {
        return new ParsedEntry(entry, null, null, null, reason);
    }

    static ParsedEntry parsed(ArchiveEntry entry, IndexedMessage message, Document document) {
        return new ParsedEntry(entry, null, message, document, null);
    }

    String epoch() {
        return entry != null ? entry.epoch() : problem.epoch();
    }

    String position() {
        return entry != null ? entry.position() : problem.position();
    }
}
