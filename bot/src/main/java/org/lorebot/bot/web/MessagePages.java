package org.lorebot.bot.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.lorebot.index.mail.MailMessage;
import org.lorebot.index.search.MessageThread;
import org.lorebot.index.search.SearchHit;
import org.lorebot.index.search.ThreadEntry;
import org.lorebot.index.store.StoredMessage;

/** {@code /<list>/<message-id>/}, its {@code raw}, and {@code /r/<message-id>}. */
final class MessagePages {

    private static final Pattern NOT_WORD = Pattern.compile("[^A-Za-z0-9]+");
    /** Possible matches listed for an unknown Message-ID at most. */
    private static final int MAX_MATCHES = 25;

    private final Archive archive;
    private final PatchReview review = new PatchReview();

    MessagePages(Archive archive) {
        this.archive = archive;
    }

    /** One message: headers, body, lorebot's findings, its family and its thread. */
    WebResponse message(String list, String messageId) throws WebException, IOException {
        StoredMessage stored = archive.message(messageId);
        if (!list.equals(Archive.ALL) && !stored.list().equals(list)) {
            return WebResponse.redirect(Links.message(stored.list(), stored.messageId()));
        }
        MailMessage m = stored.message();
        Optional<MessageThread> thread = archive.index().thread(m.messageId());
        StringBuilder html = new StringBuilder(m.body().length() * 2 + 4096);
        html.append("<article id=\"").append(Links.anchor(m.messageId())).append("\">\n<pre>")
                .append(MessageView.headers(m, stored.list(), stored.raw())).append("</pre>\n")
                .append(review.summary(m))
                .append("<p>[<a href=\"raw\">raw</a>] [<a href=\"T/#")
                .append(Links.anchor(m.messageId())).append("\">thread</a>] [<a href=\"t/\">flat</a>]"
                        + " [<a href=\"t.mbox.gz\">mbox.gz</a>] [<a href=\"t.atom\">Atom</a>]");
        thread.ifPresent(t -> neighbours(t, m.messageId(), html));
        html.append("</p>\n<pre>").append(MessageView.body(m)).append("</pre>\n");
        attachments(stored.raw(), html);
        html.append("</article>\n");
        Optional<SearchHit> reply = thread.flatMap(t ->
                PatchReview.botReply(t, m.messageId(), archive.botAddress()));
        html.append(review.render(m, reply));
        thread.ifPresent(t -> family(t, m.messageId(), html));
        html.append(ReplyInstructions.render(m, stored.list(), archive.config()));
        String title = m.subject().isBlank() ? "<" + m.messageId() + ">" : m.subject();
        return WebResponse.html(200, PageLayout.page(title, stored.list(), "", html.toString()));
    }

    /** [prev] and [next]: the messages before and after this one in thread order. */
    private static void neighbours(MessageThread thread, String messageId, StringBuilder html) {
        List<ThreadEntry> received = new ArrayList<>();
        for (ThreadEntry e : thread.entries()) {
            if (!e.ghost()) {
                received.add(e);
            }
        }
        for (int i = 0; i < received.size(); i++) {
            if (received.get(i).messageId().equals(messageId)) {
                if (i > 0) {
                    html.append(" [<a rel=\"prev\" href=\"").append(link(received.get(i - 1))).append("\">prev</a>]");
                }
                if (i + 1 < received.size()) {
                    html.append(" [<a rel=\"next\" href=\"").append(link(received.get(i + 1))).append("\">next</a>]");
                }
                return;
            }
        }
    }

    private static String link(ThreadEntry e) {
        SearchHit hit = e.message().get();
        return Links.message(hit.list(), hit.messageId());
    }

    /** public-inbox's attachment lines, each linked to the part's download. */
    private static void attachments(byte[] raw, StringBuilder html) {
        List<Attachments.Attachment> parts = Attachments.list(raw);
        if (parts.isEmpty()) {
            return;
        }
        html.append("<pre class=\"attachments\">");
        for (Attachments.Attachment a : parts) {
            html.append("[-- <a href=\"").append(a.path()).append("\">Attachment #").append(a.number())
                    .append(": ").append(Html.escape(a.fileName())).append("</a> --]\n[-- Type: ")
                    .append(Html.escape(a.type())).append(", Size: ").append(a.size()).append(" bytes --]\n");
        }
        html.append("</pre>\n");
    }

    /** Part {@code number} of a message, as a download (text as plain text, never as markup). */
    WebResponse attachment(String messageId, String number) throws WebException, IOException {
        StoredMessage stored = archive.message(messageId);
        Attachments.Download part = Attachments.part(stored.raw(), number).orElseThrow(() ->
                WebException.notFound("<" + messageId + "> has no part " + number));
        String type = part.attachment().type().startsWith("text/") ? "text/plain; charset=utf-8"
                : "application/octet-stream";
        return new WebResponse(200, type, Map.of("Content-Disposition", "inline; filename=\""
                + part.attachment().fileName() + "\""), part.bytes());
    }

    private static void family(MessageThread thread, String messageId, StringBuilder html) {
        html.append("<nav aria-label=\"thread\"><h2>In this thread</h2>\n<p>");
        Optional<ThreadEntry> parent = ThreadOverview.parent(thread, messageId);
        if (parent.isPresent()) {
            html.append("parent: ").append(entryLink(parent.get())).append("<br>\n");
        }
        List<ThreadEntry> children = ThreadOverview.children(thread, messageId);
        if (!children.isEmpty()) {
            html.append("replies:");
            for (ThreadEntry child : children) {
                html.append("<br>\n  ").append(entryLink(child));
            }
            html.append("<br>\n");
        }
        html.append("whole thread: <a href=\"T/\">nested</a>, <a href=\"t/\">flat</a> (")
                .append(thread.messageCount()).append(thread.messageCount() == 1 ? " message" : " messages")
                .append(")</p>\n<pre>").append(ThreadOverview.render(thread, messageId, false))
                .append("</pre></nav>\n");
    }

    private static String entryLink(ThreadEntry e) {
        if (e.message().isEmpty()) {
            return "[not found] &lt;" + Html.escape(e.messageId()) + "&gt;";
        }
        SearchHit hit = e.message().get();
        return "<a href=\"" + Links.message(hit.list(), hit.messageId()) + "\">"
                + Html.escape(ThreadOverview.oneLine(hit.subject())) + "</a> "
                + Html.escape(ThreadOverview.senderName(hit.from()));
    }

    /**
     * lore's answer to a Message-ID the archive lacks: {@code 300 Multiple Choices} listing the
     * messages whose ids share its words (a truncated or mistyped link), else 404.
     */
    WebResponse possibleMatches(String list, String messageId) throws WebException, IOException {
        List<String> words = new ArrayList<>(List.of(NOT_WORD.split(messageId)));
        words.removeIf(String::isEmpty);
        if (words.isEmpty()) {
            throw WebException.notFound("no message <" + messageId + "> in this archive");
        }
        words = words.subList(0, Math.min(words.size(), 8));
        StringBuilder query = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            query.append(i == 0 ? "" : " ").append("m:").append(words.get(i).toLowerCase(Locale.ROOT))
                    .append(i == words.size() - 1 ? "*" : "");
        }
        List<SearchHit> hits;
        try {
            hits = archive.search(list, query.toString(), 0, MAX_MATCHES).hits();
        } catch (WebException tooVague) {
            hits = List.of();
        }
        if (hits.isEmpty()) {
            throw WebException.notFound("no message <" + messageId + "> in this archive");
        }
        StringBuilder html = new StringBuilder("<h1>Message-ID &lt;").append(Html.escape(messageId))
                .append("&gt; not found</h1>\n<p>Possible matches:</p>\n<ul>\n");
        for (SearchHit hit : hits) {
            html.append("<li><a href=\"").append(Links.message(hit.list(), hit.messageId())).append("\">&lt;")
                    .append(Html.escape(hit.messageId())).append("&gt;</a> ")
                    .append(Html.escape(ThreadOverview.oneLine(hit.subject()))).append("</li>\n");
        }
        html.append("</ul>\n");
        return WebResponse.html(300, PageLayout.page("possible matches", list.equals(Archive.ALL) ? null : list,
                "", html.toString()));
    }

    /** The message exactly as stored, as text. */
    WebResponse raw(String messageId) throws WebException, IOException {
        byte[] raw = archive.index().raw(messageId).orElseThrow(() ->
                WebException.notFound("no message <" + messageId + "> in this archive"));
        return new WebResponse(200, "text/plain; charset=utf-8",
                Map.of("Content-Disposition", "inline; filename=\"raw\""), raw);
    }

    /** {@code /r/<message-id>}: wherever the message is. */
    WebResponse redirect(String messageId) throws WebException, IOException {
        StoredMessage stored = archive.message(messageId);
        return WebResponse.redirect(Links.message(stored.list(), stored.messageId()));
    }
}
