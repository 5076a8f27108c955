package org.lorebot.bot.web;

/**
 * The frame of every archive page: a plain HTML5 document with the site's style sheet, a header
 * that leads back to the inboxes (and, within an inbox, a search box), the content, and a footer.
 * Readable without CSS (the content is semantic HTML; mail is in {@code <pre>}) and without
 * JavaScript (there is none).
 */
public final class PageLayout {

    private PageLayout() {
    }

    /**
     * A complete page for another part of lorebot (e.g. a {@link WebRoute}).
     *
     * @param title    the page title, plain text (escaped here)
     * @param bodyHtml the content, HTML the caller has escaped
     */
    public static String page(String title, String bodyHtml) {
        return page(title, null, "", bodyHtml);
    }

    /**
     * A page inside an inbox: the header names the inbox and holds its search box.
     *
     * @param list  the inbox, or null outside any
     * @param query the query to show in the search box
     */
    static String page(String title, String list, String query, String bodyHtml) {
        StringBuilder html = new StringBuilder(bodyHtml.length() + 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>").append(Html.escape(title)).append("</title>"
                + "<link rel=\"stylesheet\" href=\"/style.css\">");
        if (list != null) {
            String base = "/" + PercentCoding.encode(list) + "/";
            html.append("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"")
                    .append(Html.escape(list)).append("\" href=\"").append(base)
                    .append("new.atom\">");
        }
        html.append("</head>\n<body>\n<header><nav><a href=\"/\">lorebot archive</a>");
        if (list != null) {
            String base = "/" + PercentCoding.encode(list) + "/";
            html.append(" / <a href=\"").append(base).append("\">").append(Html.escape(list))
                    .append("</a></nav>\n<form action=\"").append(base)
                    .append("\" method=\"get\" role=\"search\"><label>search <input name=\"q\" "
                            + "type=\"search\" size=\"48\" value=\"")
                    .append(Html.escape(query)).append("\"></label> <button type=\"submit\">"
                            + "search</button> <a href=\"").append(base)
                    .append("_/text/help/\">help</a></form>");
        } else {
            html.append(" / <a href=\"/rules/\">rules</a></nav>");
        }
        html.append("</header>\n<hr>\n<main>\n").append(bodyHtml).append("\n</main>\n<hr>\n"
                + "<footer>lorebot: read-only archive; mail is shown as text, never as HTML."
                + " <a href=\"/rules/\">DMA rules</a></footer>\n</body></html>\n");
        return html.toString();
    }
}
