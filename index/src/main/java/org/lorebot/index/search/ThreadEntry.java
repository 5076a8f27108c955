package org.lorebot.index.search;

import java.util.Optional;

/**
 * One message of a thread as displayed.
 *
 * @param messageId the Message-ID
 * @param depth     nesting depth: 0 for a root, 1 for its replies, ...
 * @param message   the message, or empty for a ghost (referenced by others, never received)
 */
public record ThreadEntry(String messageId, int depth, Optional<SearchHit> message) {

    /** True when the message was never received, only referenced. */
    public boolean ghost() {
        return message.isEmpty();
    }
}
