package org.lorebot.bot.web;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.lorebot.index.search.MessageThread;
import org.lorebot.index.search.SearchHit;
import org.lorebot.index.search.ThreadEntry;

/**
 * A thread as an indented list of one line per message (date, subject, sender), the way lore
 * shows a thread under each message; and the family of one message within it.
 */
final class ThreadOverview {

    static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final int MAX_INDENT = 24;
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private ThreadOverview() {
    }

    /**
     * The overview as HTML for a {@code <pre>}.
     *
     * @param current the message the page shows (marked, not linked), or null
     * @param onPage  true when the messages are on this page (links to their anchors)
     */
    static String render(MessageThread thread, String current, boolean onPage) {
        return render(thread, current, Set.of(), onPage);
    }

    /** The overview with the messages {@code marked} (search matches) in bold, still linked. */
    static String renderMarked(MessageThread thread, Set<String> marked) {
        return render(thread, null, marked, false);
    }

    private static String render(MessageThread thread, String current, Set<String> marked, boolean onPage) {
        StringBuilder out = new StringBuilder();
        for (ThreadEntry e : thread.entries()) {
            String indent = "  ".repeat(Math.min(e.depth(), MAX_INDENT)) + (e.depth() > 0 ? "` " : "");
            if (e.message().isEmpty()) {
                out.append("                 ").append(indent).append("[not found] &lt;")
                        .append(Html.escape(e.messageId())).append("&gt;\n");
                continue;
            }
            SearchHit hit = e.message().get();
            out.append(MINUTE.format(hit.date())).append(' ').append(indent);
            String subject = Html.escape(hit.subject().isBlank() ? "(no subject)" : oneLine(hit.subject()));
            if (e.messageId().equals(current)) {
                out.append("<b>").append(subject).append("</b> [this message]");
            } else {
                String href = onPage ? "#" + Links.anchor(e.messageId())
                        : Links.message(hit.list(), e.messageId());
                boolean bold = marked.contains(e.messageId());
                out.append(bold ? "<b>" : "").append("<a href=\"").append(href).append("\">").append(subject)
                        .append("</a>").append(bold ? "</b>" : "");
            }
            out.append("  ").append(Html.escape(senderName(hit.from()))).append('\n');
        }
        return out.toString();
    }

    /** The direct replies to {@code messageId} in thread order. */
    static List<ThreadEntry> children(MessageThread thread, String messageId) {
        List<ThreadEntry> children = new ArrayList<>();
        List<ThreadEntry> entries = thread.entries();
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).messageId().equals(messageId)) {
                int depth = entries.get(i).depth();
                for (int j = i + 1; j < entries.size() && entries.get(j).depth() > depth; j++) {
                    if (entries.get(j).depth() == depth + 1) {
                        children.add(entries.get(j));
                    }
                }
                break;
            }
        }
        return children;
    }

    /** The message {@code messageId} replies to, as threaded (possibly a ghost). */
    static Optional<ThreadEntry> parent(MessageThread thread, String messageId) {
        List<ThreadEntry> entries = thread.entries();
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).messageId().equals(messageId)) {
                int depth = entries.get(i).depth();
                for (int j = i - 1; j >= 0; j--) {
                    if (entries.get(j).depth() == depth - 1) {
                        return Optional.of(entries.get(j));
                    }
                }
                break;
            }
        }
        return Optional.empty();
    }

    /** The display name of {@code Name <address>}, else the address. */
    static String senderName(String from) {
        if (from == null) {
            return "";
        }
        int open = from.lastIndexOf(" <");
        String name = open > 0 ? from.substring(0, open).strip() : from.strip();
        if (name.length() > 1 && name.startsWith("\"") && name.endsWith("\"")) {
            name = name.substring(1, name.length() - 1);
        }
        return name.isEmpty() ? from.strip() : name;
    }

    static String oneLine(String text) {
        return SPACES.matcher(text).replaceAll(" ").strip();
    }
}
