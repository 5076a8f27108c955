package org.lorebot.index.store;

import java.util.List;

/** What the index keeps for threading one message: id, references, date (epoch s), sequence. */
public record ThreadingRecord(String messageId, List<String> references, long date,
                              long sequence) {
}
