package org.lorebot.bot.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.lorebot.index.query.MailQueryParser;
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
    /** The column where a prefix's meaning starts on the help page. */
    private static final int PREFIX_COLUMN = 13;

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
            mbox.add(archive.index(), ids);
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
        // The same rows, in the same order and words, as README's query table.
        String[][] prefixes = {
            {"s:", "the Subject"},
            {"f:", "the From header"},
            {"t:", "the To header"},
            {"c:", "the Cc header"},
            {"tc:", "the To and Cc headers"},
            {"a:", "any of To, Cc and From"},
            {"b:", "the body, text attachments included (also printable application/octet-stream parts,"
                    + " as public-inbox indexes them)"},
            {"bs:", "the subject and the body"},
            {"nq:", "the body without quoted (>) lines"},
            {"q:", "only the quoted lines of the body"},
            {"m:", "the Message-ID"},
            {"d:", "the date, UTC: d:20240101..20240301, d:2024-01-01.., d:..20231231, one day d:20240105;"
                    + " relative as git's approxidate: d:2.weeks.ago.., d:yesterday.., d:last.month.. (now,"
                    + " N.UNIT.ago, last.UNIT, units second to year)"},
            {"dt:", "the date to the second: dt:20240101120000..20240102000000"},
            {"rt:", "when the archive received the mail (commit time, an mbox's From  line), written as for d:"},
            {"n:", "an attachment's file name (n:dmesg.txt)"},
            {"l:", "the list (the inbox name it was ingested as)"},
            {"dfn:", "a file name in a patch's diff (both names of diff --git: renames, mode changes and binary"
                    + " patches too)"},
            {"dfa:", "lines a patch removes (- lines)"},
            {"dfb:", "lines a patch adds (+ lines)"},
            {"dfhh:", "the hunk headers (usually a function name)"},
            {"dfctx:", "the context lines of a diff"},
            {"patchid:", "the git patch-id --stable of the patch"},
            {"dfpre:", "a blob id of a diff's index A..B line before the change, any abbreviation of 7 or more"
                    + " hex digits"},
            {"dfpost:", "the same, after the change"},
        };
        StringBuilder html = new StringBuilder("<h1>Searching the archive</h1>\n<pre>");
        html.append("Words are searched in the Message-ID, subject, sender and body. A word in\n"
                + "lower case also finds its other forms (ecc finds ECCs); a capitalised word or a\n"
                + "number is matched exactly. Words joined by . - / : \\ @ form a phrase\n"
                + "(spi-nor, drivers/mtd/nand/raw/marvell_nand.c), \"quoted words\" too, and word*\n"
                + "finds words starting with word.\n\n"
                + "Combine with AND (the default between words), OR, NOT or -word, and ( ).\n"
                + "An empty phrase \"\" is ignored and a quote never closed runs to the end of\n"
                + "the query. Parentheses nest at most " + MailQueryParser.MAX_NESTING + " deep.\n\n"
                + "Prefixes:\n\n");
        for (String[] p : prefixes) {
            html.append(Html.escape(prefixRow(p[0], p[1])));
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

    /** One prefix and its meaning, wrapped to 80 columns under the meaning's first column. */
    private static String prefixRow(String prefix, String meaning) {
        String indent = " ".repeat(PREFIX_COLUMN);
        StringBuilder row = new StringBuilder(String.format("  %-" + (PREFIX_COLUMN - 2) + "s", prefix));
        int lineStart = 0;
        for (String word : meaning.split(" ")) {
            if (row.length() - lineStart + word.length() > 80 && row.length() - lineStart > PREFIX_COLUMN) {
                row.setLength(row.length() - 1);
                row.append('\n');
                lineStart = row.length();
                row.append(indent);
            }
            row.append(word).append(' ');
        }
        row.setLength(row.length() - 1);
        return row.append('\n').toString();
    }

    private static String example(String list, String query) {
        return "<a href=\"" + Html.escape(Links.search(list, query)) + "\">" + Html.escape(query) + "</a>";
    }
}
