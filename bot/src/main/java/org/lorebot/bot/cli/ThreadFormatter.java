package org.lorebot.bot.cli;

import java.util.ArrayList;
import java.util.List;

import org.lorebot.index.search.MessageThread;
import org.lorebot.index.search.SearchHit;
import org.lorebot.index.search.ThreadEntry;

/**
 * A thread as a mail reader's thread view shows it: one line per message, replies indented under
 * what they answer, the message asked for marked with {@code *}; or one JSON object per message
 * with {@code depth} and {@code parent}.
 */
final class ThreadFormatter {

    private static final String INDENT = "  ";
    /** The width of the date and sender columns of {@link HitFormatter#text}, for ghost lines. */
    private static final String NO_MESSAGE = " ".repeat(16 + 2 + 22 + 2);

    private final HitFormatter hits;

    ThreadFormatter(HitFormatter hits) {
        this.hits = hits;
    }

    List<String> text(MessageThread thread, String selected) {
        List<String> lines = new ArrayList<>();
        for (ThreadEntry e : thread.entries()) {
            String mark = e.messageId().equals(selected) ? "* " : "  ";
            String indent = INDENT.repeat(e.depth());
            lines.add(mark + e.message()
                    .map(hit -> hits.text(hit, indent))
                    .orElse(NO_MESSAGE + indent + "(not in the archive)  <" + e.messageId() + ">"));
        }
        return lines;
    }

    /**
     * One object per entry: a message's search fields, or for a ghost (referenced, never received)
     * its Message-ID with null fields; all with {@code depth}, {@code parent} and {@code ghost}.
     */
    List<String> json(MessageThread thread) {
        List<String> lines = new ArrayList<>();
        List<String> path = new ArrayList<>(); // path.get(d) = the latest entry seen at depth d
        for (ThreadEntry e : thread.entries()) {
            while (path.size() > e.depth()) {
                path.remove(path.size() - 1);
            }
            String parent = e.depth() == 0 || path.isEmpty() ? null : path.get(path.size() - 1);
            SearchHit hit = e.message().orElse(
                    new SearchHit(e.messageId(), null, null, null, thread.root(), null));
            lines.add(hits.json(hit, e.depth(), parent, e.ghost()));
            path.add(e.messageId());
        }
        return lines;
    }
}
