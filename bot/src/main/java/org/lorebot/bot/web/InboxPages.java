package org.lorebot.bot.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lorebot.config.InboxConfig;
import org.lorebot.index.search.SearchHit;
import org.lorebot.index.search.SearchResults;

/** {@code /}: the inboxes; {@code /<list>/}: its newest threads; {@code /<list>/new.atom}. */
final class InboxPages {

    /** Messages read per page of an inbox's newest threads. */
    static final int MESSAGES_PER_PAGE = 200;

    private final Archive archive;

    InboxPages(Archive archive) {
        this.archive = archive;
    }

    WebResponse inboxes() throws IOException {
        StringBuilder html = new StringBuilder("<h1>Inboxes</h1>\n<table>\n"
                + "<tr><th>inbox</th><th>messages</th><th>address</th></tr>\n");
        for (String list : archive.lists()) {
            long count = archive.newest(list, 0, 1).total();
            String address = archive.config().inbox(list).map(InboxConfig::address).orElse("");
            html.append("<tr><td><a href=\"").append(Links.list(list)).append("\">")
                    .append(Html.escape(list)).append("</a></td><td>").append(count)
                    .append("</td><td>").append(Html.escape(address)).append("</td></tr>\n");
        }
        html.append("</table>\n<p><a href=\"/all/\">all inboxes together</a> ·"
                + " <a href=\"/rules/\">lorebot's DMA rules</a></p>\n");
        return WebResponse.html(200, PageLayout.page("lorebot archive", html.toString()));
    }

    /** The newest threads: the threads of the newest messages, by latest activity. */
    WebResponse topics(String list, WebRequest request) throws WebException, IOException {
        int offset = Site.intParameter(request, "o", 0, Archive.MAX_OFFSET);
        SearchResults newest = archive.newest(list, offset, MESSAGES_PER_PAGE);
        Map<String, List<SearchHit>> threads = new LinkedHashMap<>();
        for (SearchHit hit : newest.hits()) {
            threads.computeIfAbsent(hit.thread(), k -> new ArrayList<>()).add(hit);
        }
        Map<String, String> rootSubjects = rootSubjects(threads);
        StringBuilder html = new StringBuilder(16 * 1024);
        html.append("<h1>").append(Html.escape(list)).append(": newest threads</h1>\n");
        if (threads.isEmpty()) {
            html.append("<p>No messages").append(offset > 0 ? " this far back." : " yet.").append("</p>\n");
        }
        html.append("<ul>\n");
        for (List<SearchHit> hits : threads.values()) {
            SearchHit latest = hits.get(0);
            SearchHit first = hits.get(hits.size() - 1);
            html.append("<li><a href=\"").append(Links.message(first.list(), first.thread()))
                    .append("T/\">").append(Html.escape(rootSubjects.getOrDefault(first.thread(), subjectOf(first))))
                    .append("</a><br>\n<span class=\"meta\">")
                    .append(hits.size()).append(hits.size() == 1 ? " new message" : " new messages")
                    .append(", latest ").append(ThreadOverview.MINUTE.format(latest.date()))
                    .append(" UTC by <a href=\"").append(Links.message(latest.list(), latest.messageId()))
                    .append("\">").append(Html.escape(ThreadOverview.senderName(latest.from())))
                    .append("</a></span></li>\n");
        }
        html.append("</ul>\n<nav aria-label=\"pages\"><p>");
        if (offset > 0) {
            html.append("<a rel=\"prev\" href=\"?o=").append(Math.max(0, offset - MESSAGES_PER_PAGE))
                    .append("\">newer</a> ");
        }
        if (offset + MESSAGES_PER_PAGE < newest.total() && offset + MESSAGES_PER_PAGE <= Archive.MAX_OFFSET) {
            html.append("<a rel=\"next\" href=\"?o=").append(offset + MESSAGES_PER_PAGE).append("\">older</a> ");
        }
        html.append("[<a href=\"new.atom\">Atom feed</a>]</p></nav>\n");
        return WebResponse.html(200, PageLayout.page(list, list, "", html.toString()));
    }

    /**
     * The subject each thread's root was sent with (a thread is listed under it, not under a
     * reply's), the roots not on this page looked up by id together; a ghost root has none.
     */
    private Map<String, String> rootSubjects(Map<String, List<SearchHit>> threads) throws IOException {
        Map<String, String> subjects = new HashMap<>();
        List<String> elsewhere = new ArrayList<>();
        for (Map.Entry<String, List<SearchHit>> thread : threads.entrySet()) {
            String root = thread.getKey();
            SearchHit oldest = thread.getValue().get(thread.getValue().size() - 1);
            if (oldest.messageId().equals(root)) {
                subjects.put(root, subjectOf(oldest));
            } else {
                elsewhere.add(root);
            }
        }
        for (SearchHit root : archive.index().hits(elsewhere).values()) {
            subjects.put(root.messageId(), subjectOf(root));
        }
        return subjects;
    }

    private static String subjectOf(SearchHit hit) {
        String subject = ThreadOverview.oneLine(hit.subject());
        return subject.isEmpty() ? "(no subject)" : subject;
    }

    /** {@code /<list>/new.atom}: the newest messages. */
    WebResponse atom(String list, String base) throws IOException {
        SearchResults newest = archive.newest(list, 0, Archive.PAGE_SIZE);
        return WebResponse.bytes(AtomFeed.CONTENT_TYPE, AtomFeed.render(archive.index(), base,
                Links.list(list) + "new.atom", list, newest.hits()));
    }
}
