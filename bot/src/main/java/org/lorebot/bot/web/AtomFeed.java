package org.lorebot.bot.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.lorebot.index.MailIndex;
import org.lorebot.index.search.SearchHit;
import org.lorebot.index.store.StoredMessage;

/**
 * An Atom feed (RFC 4287) of messages, newest first: each entry's title is the subject, its
 * author the sender, its link the message's page and its content the message text. Everything
 * from mail is escaped as XML character data, so a feed reader renders it as text.
 */
final class AtomFeed {

    static final String CONTENT_TYPE = "application/atom+xml; charset=utf-8";

    private AtomFeed() {
    }

    /**
     * The feed document.
     *
     * @param base  the server's base URL ({@code http://host:port}), for absolute links
     * @param self  the feed's own path
     * @param title the feed's title
     */
    static byte[] render(MailIndex index, String base, String self, String title, List<SearchHit> hits)
            throws IOException {
        Instant updated = hits.isEmpty() ? Instant.EPOCH : hits.get(0).date();
        StringBuilder xml = new StringBuilder(16 * 1024);
        xml.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n")
                .append("<title>").append(Html.escape(title)).append("</title>\n")
                .append("<link rel=\"self\" href=\"").append(Html.escape(base + self)).append("\"/>\n")
                .append("<id>").append(Html.escape(base + self)).append("</id>\n")
                .append("<updated>").append(updated).append("</updated>\n");
        for (SearchHit hit : hits) {
            String link = base + Links.message(hit.list(), hit.messageId());
            Optional<StoredMessage> stored = index.message(hit.messageId());
            xml.append("<entry>\n<title>").append(Html.escape(hit.subject())).append("</title>\n")
                    .append("<author><name>").append(Html.escape(ThreadOverview.senderName(hit.from())))
                    .append("</name>");
            stored.map(s -> s.message().from().address()).filter(a -> !a.isEmpty())
                    .ifPresent(a -> xml.append("<email>").append(Html.escape(a)).append("</email>"));
            xml.append("</author>\n<updated>").append(hit.date()).append("</updated>\n")
                    .append("<id>").append(Html.escape(link)).append("</id>\n")
                    .append("<link href=\"").append(Html.escape(link)).append("\"/>\n");
            stored.ifPresent(s -> xml.append("<content type=\"text\">")
                    .append(Html.escape(s.message().body())).append("</content>\n"));
            xml.append("</entry>\n");
        }
        return xml.append("</feed>\n").toString().getBytes(StandardCharsets.UTF_8);
    }
}
