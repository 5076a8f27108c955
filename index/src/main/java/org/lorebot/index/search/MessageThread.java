package org.lorebot.index.search;

import java.util.List;

/**
 * A whole thread in display order: each message followed by its replies, oldest first.
 *
 * @param root    the thread's id: the Message-ID of its root (a ghost's id when the root was
 *                never received)
 * @param entries the messages and ghosts, the root first
 */
public record MessageThread(String root, List<ThreadEntry> entries) {
    public MessageThread {
        entries = List.copyOf(entries);
    }

    /** How many messages were received (ghosts not counted). */
    public int messageCount() {
        return (int) entries.stream().filter(e -> !e.ghost()).count();
    }
}
