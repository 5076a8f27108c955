package org.lorebot.bot.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.lorebot.index.mail.MailMessage;
import org.lorebot.index.search.MessageThread;
import org.lorebot.index.search.SearchHit;
import org.lorebot.index.search.ThreadEntry;
import org.lorebot.index.store.StoredMessage;

/**
 * A whole thread: {@code T/} nested (thread order, replies indented), {@code t/} flat (by
 * date), {@code t.mbox.gz} to download, {@code t.atom} to follow.
 */
final class ThreadPages {

    /** Beyond this many messages a thread page shows the overview and links, not every body. */
    static final int MAX_MESSAGES = 500;

    private final Archive archive;

    ThreadPages(Archive archive) {
        this.archive = archive;
    }

    WebResponse nested(String list, String messageId) throws WebException, IOException {
        return page(list, messageId, true);
    }

    WebResponse flat(String list, String messageId) throws WebException, IOException {
        return page(list, messageId, false);
    }

    private WebResponse page(String list, String messageId, boolean nested)
            throws WebException, IOException {
        MessageThread thread = thread(messageId);
        List<ThreadEntry> entries = received(thread, nested);
        StringBuilder html = new StringBuilder(64 * 1024);
        String title = "";
        int shown = 0;
        for (ThreadEntry entry : entries) {
            if (shown == MAX_MESSAGES) {
                html.append("<p>This thread has ").append(entries.size()).append(" messages; the first ")
                        .append(MAX_MESSAGES).append(" are shown. The overview below links them all.</p>\n");
                break;
            }
            Optional<StoredMessage> found = archive.index().message(entry.messageId());
            if (found.isEmpty()) {
                continue;
            }
            StoredMessage stored = found.get();
            MailMessage m = stored.message();
            if (title.isEmpty()) {
                title = m.subject();
            }
            int depth = nested ? Math.min(entry.depth(), 8) : 0;
            String self = Links.message(stored.list(), m.messageId());
            html.append("<article id=\"").append(Links.anchor(m.messageId())).append("\"")
                    .append(depth > 0 ? " class=\"d" + depth + "\"" : "").append(">\n<pre>")
                    .append(MessageView.headers(m, stored.list(), stored.raw())).append("</pre>\n<pre>")
                    .append(MessageView.body(m)).append("</pre>\n<p>[<a href=\"").append(self)
                    .append("\">permalink</a>] [<a href=\"").append(self).append("raw\">raw</a>]</p>\n"
                            + "</article>\n");
            shown++;
        }
        html.append("<nav aria-label=\"thread\"><h2>Thread overview</h2>\n<p>")
                .append(thread.messageCount()).append(thread.messageCount() == 1 ? " message" : " messages")
                .append(" [<a href=\"../t.mbox.gz\">download mbox.gz</a>] [<a href=\"../t.atom\">Atom feed</a>]</p>\n<pre>")
                .append(ThreadOverview.render(thread, null, true)).append("</pre></nav>\n");
        String pageList = list.equals(Archive.ALL) ? null : list;
        return WebResponse.html(200, PageLayout.page(title.isBlank() ? "thread" : title,
                pageList, "", html.toString()));
    }

    /** The thread as mboxrd, gzip-compressed, oldest first. */
    WebResponse mbox(String messageId) throws WebException, IOException {
        MessageThread thread = thread(messageId);
        List<String> ids = new ArrayList<>();
        for (ThreadEntry entry : received(thread, false)) {
            ids.add(entry.messageId());
        }
        try (Mboxrd mbox = new Mboxrd()) {
            mbox.add(archive.index(), ids);
            return new WebResponse(200, "application/gzip",
                    Map.of("Content-Disposition", "attachment; filename=\"t.mbox.gz\""), mbox.finish());
        }
    }

    /** The thread as an Atom feed, newest message first, for following one discussion. */
    WebResponse atom(String list, String messageId, String base) throws WebException, IOException {
        MessageThread thread = thread(messageId);
        List<SearchHit> hits = new ArrayList<>();
        for (ThreadEntry entry : received(thread, false)) {
            hits.add(entry.message().get());
        }
        Collections.reverse(hits);
        String title = hits.isEmpty() ? "<" + messageId + ">" : hits.get(hits.size() - 1).subject();
        return WebResponse.bytes(AtomFeed.CONTENT_TYPE, AtomFeed.render(archive.index(), base,
                Links.message(list, messageId) + "t.atom", "thread: " + title, hits));
    }

    private MessageThread thread(String messageId) throws WebException, IOException {
        // a ghost (referenced, never received) has a thread too: show it, as lore does
        Optional<MessageThread> thread = archive.index().thread(messageId);
        if (thread.isEmpty()) {
            throw WebException.notFound("no thread holds <" + messageId + ">");
        }
        return thread.get();
    }

    /** The received messages, in thread order or by date. */
    private static List<ThreadEntry> received(MessageThread thread, boolean threadOrder) {
        List<ThreadEntry> entries = new ArrayList<>();
        for (ThreadEntry e : thread.entries()) {
            if (!e.ghost()) {
                entries.add(e);
            }
        }
        if (!threadOrder) {
            entries.sort(Comparator.comparing(e -> e.message().get().date()));
        }
        return entries;
    }
}
