package org.lorebot.bot.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.lorebot.index.search.MessageThread;
import org.lorebot.index.search.SearchHit;
import org.lorebot.index.search.SearchResults;
import org.lorebot.index.search.ThreadEntry;

/**
 * {@code /<list>/?q=QUERY}: search results a page at a time with the matched words marked, as
 * mbox.gz ({@code x=m}, GET or POST as lore's buttons and lei do; {@code t=1} for the whole
 * threads) or as an Atom feed ({@code x=A}); and the query language's help page.
 */
final class SearchPages {

    /** Results a page, as lore shows. */
    static final int RESULTS_PER_PAGE = 200;

    private final Archive archive;

    SearchPages(Archive archive) {
        this.archive = archive;
    }

    WebResponse answer(String list, WebRequest request, String base) throws WebException, IOException {
        String query = request.field("q").orElse("").strip();
        String format = request.field("x").orElse("");
        int offset = Site.intParameter(request, "o", 0, Archive.MAX_OFFSET);
        if (request.method().equals("POST") && !format.equals("m")) {
            throw new WebException(405, "only x=m (mbox.gz) is posted; other results are read with GET");
        }
        return switch (format) {
            case "" -> html(list, query, offset);
            case "t" -> threaded(list, query, offset);
            case "m" -> mbox(list, query, request.field("t").isPresent());
            case "A" -> atom(list, query, base);
            default -> throw WebException.badRequest("unknown x=" + format
                    + " (x=m for mbox.gz, x=A for Atom)");
        };
    }

    private WebResponse html(String list, String query, int offset) throws WebException, IOException {
        SearchResults results = archive.search(list, query, offset, RESULTS_PER_PAGE);
        QueryHighlighter marks = QueryHighlighter.of(query);
        StringBuilder html = new StringBuilder(8 * 1024);
        html.append("<h1>Search: ").append(Html.escape(query)).append("</h1>\n<p>");
        if (results.total() == 0) {
            html.append("No message matches.");
        } else if (results.hits().isEmpty()) {
            html.append(results.total()).append(" matches; none at offset ").append(offset).append('.');
        } else {
            html.append("Results ").append(offset + 1).append('-')
                    .append(offset + results.hits().size()).append(" of ").append(results.total())
                    .append(", newest first. [<a href=\"")
                    .append(Html.escape(Links.search(list, query, "x", "m"))).append("\">mbox.gz</a>]"
                            + " [<a href=\"").append(Html.escape(Links.search(list, query, "x", "A")))
                    .append("\">Atom feed</a>] [<a href=\"").append(Html.escape(Links.search(list, query, "x", "t")))
                    .append("\">nested</a>]</p>\n<form method=\"post\" action=\"")
                    .append(Html.escape(Links.search(list, query, "x", "m")))
                    .append("\"><p>download mbox.gz: <button type=\"submit\">results only</button> "
                            + "<button type=\"submit\" name=\"t\" value=\"1\">full threads</button></p></form>\n<p>");
        }
        html.append("</p>\n<ol class=\"results\" start=\"").append(offset + 1).append("\">\n");
        for (SearchHit hit : results.hits()) {
            html.append("<li><a href=\"").append(Links.message(hit.list(), hit.messageId()))
                    .append("\">").append(marks.mark(hit.subject().isBlank() ? "(no subject)"
                            : ThreadOverview.oneLine(hit.subject())))
                    .append("</a><br>\n<span class=\"meta\">by ")
                    .append(marks.mark(ThreadOverview.senderName(hit.from()))).append(" @ ")
                    .append(ThreadOverview.MINUTE.format(hit.date())).append(" UTC");
            if (list.equals(Archive.ALL)) {
                html.append(" in ").append(Html.escape(hit.list()));
            }
            html.append("</span></li>\n");
        }
        html.append("</ol>\n");
        pager(list, query, offset, results.total(), html);
        return WebResponse.html(200, PageLayout.page("Search: " + query, list, query, html.toString()));
    }

    private static void pager(String list, String query, int offset, long total, StringBuilder html) {
        boolean newer = offset > 0;
        boolean older = offset + RESULTS_PER_PAGE < total && offset + RESULTS_PER_PAGE <= Archive.MAX_OFFSET;
        if (!newer && !older) {
            return;
        }
        html.append("<nav aria-label=\"pages\"><p>");
        if (newer) {
            html.append("<a rel=\"prev\" href=\"").append(Html.escape(Links.search(list, query, "o",
                    Integer.toString(Math.max(0, offset - RESULTS_PER_PAGE))))).append("\">newer</a> ");
        }
        if (older) {
            html.append("<a rel=\"next\" href=\"").append(Html.escape(Links.search(list, query, "o",
                    Integer.toString(offset + RESULTS_PER_PAGE)))).append("\">older</a>");
        }
        html.append("</p></nav>\n");
    }

    private WebResponse mbox(String list, String query, boolean threads) throws WebException, IOException {
        SearchResults results = archive.search(list, query, 0, Archive.MAX_RESULTS);
        List<String> ids = new ArrayList<>();
        for (SearchHit hit : results.hits()) {
            ids.add(hit.messageId());
        }
        if (threads) {
            ids = wholeThreads(ids);
        }
        try (Mboxrd mbox = new Mboxrd()) {
            for (String id : ids) {
                Optional<byte[]> raw = archive.index().raw(id);
                if (raw.isPresent()) {
                    mbox.add(raw.get());
                }
            }
            return new WebResponse(200, "application/gzip",
                    Map.of("Content-Disposition", "attachment; filename=\"results.mbox.gz\""),
                    mbox.finish());
        }
    }

    /**
     * {@code x=t}: the page's results grouped by thread, newest thread first, each thread shown
     * whole and nested with the matches marked, as lore's nested results.
     */
    private WebResponse threaded(String list, String query, int offset) throws WebException, IOException {
        SearchResults results = archive.search(list, query, offset, RESULTS_PER_PAGE);
        Map<String, Set<String>> threads = new LinkedHashMap<>();
        for (SearchHit hit : results.hits()) {
            threads.computeIfAbsent(hit.thread(), t -> new LinkedHashSet<>()).add(hit.messageId());
        }
        StringBuilder html = new StringBuilder(16 * 1024);
        html.append("<h1>Search: ").append(Html.escape(query)).append("</h1>\n<p>Results ")
                .append(results.hits().isEmpty() ? 0 : offset + 1).append('-').append(offset + results.hits().size())
                .append(" of ").append(results.total()).append(" in ").append(threads.size())
                .append(threads.size() == 1 ? " thread" : " threads").append(", matches in bold. [<a href=\"")
                .append(Html.escape(Links.search(list, query))).append("\">flat</a>]</p>\n");
        for (Map.Entry<String, Set<String>> t : threads.entrySet()) {
            Optional<MessageThread> thread = archive.index().thread(t.getValue().iterator().next());
            if (thread.isEmpty()) {
                continue;
            }
            html.append("<pre class=\"thread\">")
                    .append(ThreadOverview.renderMarked(thread.get(), t.getValue())).append("</pre>\n");
        }
        pager(list, query, offset, results.total(), html);
        return WebResponse.html(200, PageLayout.page("Search: " + query, list, query, html.toString()));
    }

    /** Every received message of the threads {@code ids} are in, each once, at most MAX_RESULTS. */
    private List<String> wholeThreads(List<String> ids) throws IOException {
        Set<String> seen = new LinkedHashSet<>();
        for (String id : ids) {
            if (seen.contains(id)) {
                continue;
            }
            Optional<MessageThread> thread = archive.index().thread(id);
            if (thread.isEmpty()) {
                seen.add(id);
                continue;
            }
            for (ThreadEntry entry : thread.get().entries()) {
                if (!entry.ghost()) {
                    seen.add(entry.messageId());
                }
            }
            if (seen.size() >= Archive.MAX_RESULTS) {
                break;
            }
        }
        return new ArrayList<>(seen).subList(0, Math.min(seen.size(), Archive.MAX_RESULTS));
    }

    private WebResponse atom(String list, String query, String base) throws WebException, IOException {
        SearchResults results = archive.search(list, query, 0, Archive.PAGE_SIZE);
        return WebResponse.bytes(AtomFeed.CONTENT_TYPE, AtomFeed.render(archive.index(), base,
                Links.search(list, query, "x", "A"), "search: " + query + " in " + list, results.hits()));
    }

    /** {@code /<list>/_/text/help/}: the query language. */
    static WebResponse help(String list) {
        String[][] prefixes = {
            {"s:", "match within Subject  e.g. s:\"a quick brown fox\""},
            {"d:", "match date-time range, YYYYMMDD..YYYYMMDD, open ends allowed  e.g. d:20190101.."},
            {"b:", "match within message body, including text attachments"},
            {"nq:", "match non-quoted text within message body"},
            {"q:", "match quoted text within message body"},
            {"dfn:", "match filename from diff"},
            {"dfa:", "match diff removed (-) lines"},
            {"dfb:", "match diff added (+) lines"},
            {"dfhh:", "match diff hunk header context (usually a function name)"},
            {"dfctx:", "match diff context lines"},
            {"patchid:", "match `git patch-id --stable' output"},
            {"f:", "match within the From header"},
            {"a:", "match within the To, Cc, and From headers"},
            {"tc:", "match within the To and Cc headers"},
            {"t:", "match within the To header"},
            {"c:", "match within the Cc header"},
            {"bs:", "match within the Subject and body"},
            {"m:", "match the Message-ID"},
            {"l:", "match the list name or List-Id"},
        };
        StringBuilder html = new StringBuilder("<h1>Searching the archive</h1>\n<pre>");
        html.append("Words are searched in the Message-ID, subject, sender and body. A word in\n"
                + "lower case also finds its other forms (ecc finds ECCs); a capitalised word or a\n"
                + "number is matched exactly. Words joined by . - / : \\ @ form a phrase\n"
                + "(spi-nor, drivers/mtd/nand/raw/marvell_nand.c), \"quoted words\" too, and word*\n"
                + "finds words starting with word.\n\n"
                + "Combine with AND (the default between words), OR, NOT or -word, and ( ).\n\n"
                + "Prefixes:\n\n");
        for (String[] p : prefixes) {
            html.append("  ").append(Html.escape(String.format("%-10s %s", p[0], p[1]))).append('\n');
        }
        html.append("\nExamples:\n\n  ").append(example(list, "s:spi-nor AND f:tudor"))
                .append("\n  ").append(example(list, "dfb:GFP_DMA d:20240101.."))
                .append("\n  ").append(example(list, "\"use after free\" -s:RFC"))
                .append("\n\nAdd &amp;x=m to a search URL to download the results as mbox.gz, &amp;x=A for\n"
                        + "an Atom feed; /api/search?q=...&amp;list=...&amp;limit=N answers in JSON.\n"
                        + "A search may take at most ").append(Archive.LIMITS.timeout().toMillis())
                .append(" ms, and a word* may stand for at most ")
                .append(Archive.LIMITS.maxExpansions()).append(" words.</pre>\n");
        return WebResponse.html(200, PageLayout.page("search help", list, "", html.toString()));
    }

    private static String example(String list, String query) {
        return "<a href=\"" + Html.escape(Links.search(list, query)) + "\">" + Html.escape(query) + "</a>";
    }
}
