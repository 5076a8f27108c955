package org.lorebot.bot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lorebot.config.LorebotConfig;
import org.lorebot.index.store.StoredMessage;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The archive's pages over HTTP, as a browser, a feed reader or a script would fetch them. */
class WebArchiveTest {

    @TempDir
    static Path dir;
    static TestArchive archive;
    static final List<String> unsubscribed = new ArrayList<>();

    @BeforeAll
    static void serve() {
        archive = TestArchive.start(dir, List.of(
                WebRoute.of("GET", "/unsubscribe/", request -> WebResponse.html(200,
                        PageLayout.page("Unsubscribe", "<form method=\"post\"><p>Unsubscribe "
                                + Html.escape(request.pathAfter("/unsubscribe/"))
                                + "?</p><button>yes</button></form>"))),
                WebRoute.of("POST", "/unsubscribe/", request -> {
                    unsubscribed.add(request.pathAfter("/unsubscribe/") + " "
                            + request.form().getOrDefault("List-Unsubscribe", List.of()));
                    return WebResponse.text(200, "unsubscribed\n");
                })));
    }

    @AfterAll
    static void stop() throws IOException {
        archive.close();
    }

    private static HttpResponse<byte[]> get(String path) {
        return Http.get(archive.base() + path);
    }

    private static String page(String path) {
        HttpResponse<byte[]> r = get(path);
        assertEquals(200, r.statusCode(), path + ": " + Http.text(r));
        return Http.text(r);
    }

    private static String messagePath(String id) {
        return "/" + TestArchive.LIST + "/" + PercentCoding.encode(id) + "/";
    }

    @Test
    void everyAnswerForbidsScriptsAndSniffing() {
        for (String path : List.of("/", "/linux-mtd/", messagePath(TestArchive.HOSTILE_ID),
                "/linux-mtd/?q=ubifs", "/nope/", "/api/search?q=nand", "/style.css")) {
            HttpResponse<byte[]> r = get(path);
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.startsWith("default-src 'none';"), path + ": " + csp);
            assertFalse(csp.contains("script-src"), "no script source is ever allowed: " + csp);
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""), path);
            assertEquals("no-referrer", r.headers().firstValue("Referrer-Policy").orElse(""), path);
        }
    }

    @Test
    void frontPageListsTheInbox() {
        String html = page("/");
        assertTrue(html.contains("<a href=\"/linux-mtd/\">linux-mtd</a>"), html);
        assertTrue(html.contains("linux-mtd@lists.infradead.org"), html);
    }

    @Test
    void inboxPageShowsNewestThreadsFirst() {
        String html = page("/linux-mtd/");
        int newest = html.indexOf("routine cleanup number 30");
        int older = html.indexOf("allocate the bounce buffer coherent");
        assertTrue(newest > 0 && older > newest, "newest thread first: " + html);
        assertTrue(html.contains("3 new messages"), "the patch's thread has three: " + html);
        assertEquals(302, get("/linux-mtd").statusCode(), "the list without its slash redirects");
    }

    @Test
    void messagePageShowsHeadersQuotesDiffAndFamily() {
        String html = page(messagePath(TestArchive.PATCH_ID));
        assertTrue(html.contains("Subject: <b>[PATCH] mtd: rawnand: foo: allocate the bounce buffer coherent</b>"));
        assertTrue(html.contains("From: Alice Example &lt;alice@example.org&gt;"));
        assertTrue(html.contains("<span class=\"add\">+\tfoo-&gt;buf = dma_alloc_coherent("), html);
        assertTrue(html.contains("<span class=\"del\">-\tfoo-&gt;buf = kmalloc(SZ_4K, GFP_KERNEL);</span>"));
        assertTrue(html.contains("<span class=\"hunk\">@@ -10,7 +10,8 @@"));
        assertTrue(html.contains("<a href=\"https://example.org/docs?a=1&amp;b=2\" rel=\"nofollow noreferrer\">"),
                "prose URLs become links: " + html);
        // its two replies, by their lore-style links
        assertTrue(html.contains("href=\"/linux-mtd/odd%2Fid%2541+x@example.org/\""), html);
        assertTrue(html.contains("href=\"/linux-mtd/lorebot.review.1@example.org/\""), html);

        String reply = page(messagePath(TestArchive.HUMAN_REPLY_ID));
        assertTrue(reply.contains("<span class=\"q\">&gt; The bounce buffer is used for DMA"), reply);
        assertTrue(reply.contains("parent: <a href=\"/linux-mtd/patch-1@example.org/\">"), reply);
    }

    @Test
    void patchPageShowsLorebotsFindingsAndItsReply() {
        String html = page(messagePath(TestArchive.PATCH_ID));
        int section = html.indexOf("<section id=\"lorebot\">");
        assertTrue(section > 0, html);
        String findings = html.substring(section, html.indexOf("</section>", section));
        assertTrue(findings.contains("<a href=\"/rules/DMA001\">DMA001</a>"), findings);
        assertTrue(findings.contains("drivers/mtd/nand/raw/foo.c:13"), findings);
        assertTrue(findings.contains("lorebot's review: <a href=\"/linux-mtd/lorebot.review.1@example.org/\">"),
                findings);
        assertFalse(page(messagePath(TestArchive.HUMAN_REPLY_ID)).contains("<section id=\"lorebot\">"),
                "a reply is no patch: no findings section");
    }

    @Test
    void rulePagesExplainEachRule() {
        String rule = page("/rules/DMA001");
        assertTrue(rule.contains("<h1>DMA001: "), rule);
        assertTrue(rule.contains("dma_set_coherent_mask"), "the fix is shown: " + rule);
        assertTrue(page("/rules/").contains("<a href=\"/rules/DMA025\">DMA025</a>"));
        assertEquals(404, get("/rules/DMA999").statusCode());
    }

    @Test
    void loreLinksWorkWithTheHostSwapped() {
        HttpResponse<byte[]> r = get("/r/" + PercentCoding.encode(TestArchive.HUMAN_REPLY_ID));
        assertEquals(302, r.statusCode());
        assertEquals(archive.base() + messagePath(TestArchive.HUMAN_REPLY_ID),
                r.headers().firstValue("Location").orElse(""), "absolute, as b4 needs");
        // lore writes '/' as %2F and '%' as %25 and leaves '+' alone
        assertEquals("/linux-mtd/odd%2Fid%2541+x@example.org/", messagePath(TestArchive.HUMAN_REPLY_ID));
        assertEquals(302, get("/linux-mtd/patch-1@example.org").statusCode(), "no trailing slash");
        assertEquals(302, get("/linux-mtd/patch-1@example.org/T").statusCode());
        assertEquals(200, get("/all/patch-1@example.org/").statusCode(), "/all/ holds every list");
        assertEquals(200, get("/linux-mtd/%3Cpatch-1@example.org%3E/").statusCode(), "angle brackets allowed");
    }

    @Test
    void rawIsTheMessageAsStored() throws IOException {
        HttpResponse<byte[]> r = get(messagePath(TestArchive.HOSTILE_ID) + "raw");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        StoredMessage stored = archive.index.message(TestArchive.HOSTILE_ID).orElseThrow();
        assertTrue(Arrays.equals(stored.raw(), r.body()), "byte for byte");
    }

    @Test
    void threadPagesShowEveryMessageNestedAndFlat() {
        String nested = page(messagePath(TestArchive.BOT_REPLY_ID) + "T/");
        for (String id : List.of(TestArchive.PATCH_ID, TestArchive.BOT_REPLY_ID, TestArchive.HUMAN_REPLY_ID)) {
            assertTrue(nested.contains("id=\"" + Links.anchor(id) + "\""), id);
        }
        assertTrue(nested.contains("class=\"d1\""), "replies are indented");
        assertTrue(nested.indexOf("Agreed with the bot") > nested.indexOf("allocate it coherent."));
        String flat = page(messagePath(TestArchive.PATCH_ID) + "t/");
        assertTrue(flat.contains("Agreed with the bot") && !flat.contains("class=\"d1\""));
    }

    @Test
    void threadMboxReadsBackAsTheStoredMessages() throws IOException {
        HttpResponse<byte[]> r = get(messagePath(TestArchive.PATCH_ID) + "t.mbox.gz");
        assertEquals(200, r.statusCode());
        String mbox;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(r.body()))) {
            mbox = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
        String[] messages = mbox.split("(?m)^From mboxrd@z Thu Jan  1 00:00:00 1970\n");
        assertEquals(4, messages.length, "an empty head and three messages");
        assertTrue(messages[1].contains("Message-ID: <patch-1@example.org>"), "oldest first");
        assertTrue(messages[3].contains("Message-ID: <odd/id%41+x@example.org>"));
    }

    @Test
    void searchFindsMarksAndPages() {
        String html = page("/linux-mtd/?q=" + "s%3Aroutine+ubifs");
        assertTrue(html.contains("Results 1-30 of 30"), "200 a page, as lore: " + html);
        assertTrue(html.contains("<mark>routine</mark> cleanup number 30"), html);
        assertFalse(html.contains("rel=\"next\""), html);
        String second = page("/linux-mtd/?q=s:routine%20ubifs&o=25");
        assertTrue(second.contains("rel=\"prev\" href=\"/linux-mtd/?q=s:routine%20ubifs&amp;o=0\""), second);
        assertTrue(second.contains("Results 26-30 of 30") && second.contains("cleanup number 1<"), second);
        assertTrue(page("/linux-mtd/_/text/help/").contains("dfb:"), "the help page names the prefixes");
    }

    /**
     * Issue 12b point 1: the help page left out the prefixes issue 11 added. Every row of
     * README's query table must be on the page, word for word, and the lenient quoting rule.
     */
    @Test
    void helpPageListsEveryPrefixOfReadmesQueryTable() throws IOException {
        String shown = Http.unescapeHtml(page("/linux-mtd/_/text/help/")).replaceAll("\\s+", " ");
        List<String[]> rows = readmeQueryTable();
        assertTrue(rows.size() >= 24 && rows.stream().anyMatch(r -> r[0].equals("dfpost:")),
                "README's table was found: " + rows.size() + " rows");
        for (String[] row : rows) {
            String line = row[0] + " " + row[1];
            assertTrue(shown.contains(line), "the help page shows '" + line + "':\n" + shown);
        }
        assertTrue(shown.contains("d:2.weeks.ago.."), shown);
        assertTrue(shown.contains("a quote never closed runs to the end of the query"), shown);
    }

    /** The {@code | prefix | matches |} rows of README's query table, code spans as plain text. */
    private static List<String[]> readmeQueryTable() throws IOException {
        Path readme = Path.of("").toAbsolutePath();
        while (!Files.exists(readme.resolve("README.md")) || Files.exists(readme.resolve("src"))) {
            readme = readme.getParent();
        }
        List<String[]> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : Files.readAllLines(readme.resolve("README.md"))) {
            if (line.equals("| prefix | matches |")) {
                inTable = true;
            } else if (inTable && !line.startsWith("|")) {
                break;
            } else if (inTable && !line.startsWith("|---")) {
                String[] cells = line.replace("`", "").split(" \\| ", 2);
                rows.add(new String[] {cells[0].substring(2).trim(),
                        cells[1].substring(0, cells[1].length() - 2).replaceAll("\\s+", " ").trim()});
            }
        }
        return rows;
    }

    @Test
    void searchResultsAsMboxAndAtom() throws Exception {
        HttpResponse<byte[]> mbox = get("/linux-mtd/?q=s:routine&x=m");
        assertEquals("application/gzip", mbox.headers().firstValue("Content-Type").orElse(""));
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(mbox.body()))) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(TestArchive.ROUTINE_PATCHES, text.split("(?m)^From mboxrd@z ").length - 1);
        }
        Document feed = xml(get("/linux-mtd/new.atom").body());
        assertEquals(25, feed.getElementsByTagName("entry").getLength());
        assertEquals("[PATCH] mtd: nand: routine cleanup number 30",
                feed.getElementsByTagName("entry").item(0).getFirstChild().getNextSibling().getTextContent());
        Document search = xml(get("/linux-mtd/?q=s:coherent&x=A").body());
        assertEquals(3, search.getElementsByTagName("entry").getLength());
        // the hostile message's text is character data in the feed, not markup
        Document hostile = xml(get("/linux-mtd/?q=m:hostile-1@evil.example&x=A").body());
        assertTrue(hostile.getElementsByTagName("content").item(0).getTextContent().contains("<script>"));
        assertEquals(0, hostile.getElementsByTagName("script").getLength());
    }

    @Test
    void searchMboxIsPostedAsLoresButtonsAndLeiDoWithWholeThreadsOnRequest() throws Exception {
        String form = page("/linux-mtd/?q=s:coherent");
        assertTrue(form.contains("<form method=\"post\" action=\"/linux-mtd/?q=s:coherent&amp;x=m\">"), form);
        HttpResponse<byte[]> results = Http.post(archive.base() + "/linux-mtd/?q=s:coherent&x=m",
                "application/x-www-form-urlencoded", "");
        assertEquals(200, results.statusCode());
        assertEquals("application/gzip", results.headers().firstValue("Content-Type").orElse(""));
        List<String> found = mboxIds(results.body());
        assertEquals(3, found.size(), found.toString());
        // lei q posts x=m with t=1: every message of the threads the results are in
        HttpResponse<byte[]> threads = Http.post(archive.base() + "/linux-mtd/?q=m:patch-1@example.org",
                "application/x-www-form-urlencoded", "x=m&t=1");
        assertEquals(200, threads.statusCode());
        assertEquals(List.of(TestArchive.PATCH_ID, TestArchive.BOT_REPLY_ID, TestArchive.HUMAN_REPLY_ID),
                mboxIds(threads.body()));
        assertEquals(405, Http.post(archive.base() + "/linux-mtd/?q=s:coherent", "text/plain", "").statusCode(),
                "only mbox.gz is posted");
    }

    @Test
    void behindAReverseProxyAbsoluteUrlsUseWebUrl() throws Exception {
        LorebotConfig proxied = LorebotConfig.parse(dir.resolve("proxied.conf"),
                "[web]\n    url = https://lore.example.org\n");
        try (WebServer behind = WebServer.start(archive.index, proxied, new InetSocketAddress("127.0.0.1", 0),
                List.of())) {
            HttpResponse<byte[]> r = Http.get("http://127.0.0.1:" + behind.port() + "/r/" + TestArchive.PATCH_ID);
            assertEquals(302, r.statusCode());
            assertEquals("https://lore.example.org/linux-mtd/patch-1@example.org/",
                    r.headers().firstValue("Location").orElse(""));
        }
    }

    @Test
    void aTruncatedMessageIdGetsLoresPossibleMatches() {
        HttpResponse<byte[]> r = get("/linux-mtd/patch-1@exam/");
        assertEquals(300, r.statusCode());
        String html = Http.text(r);
        assertTrue(html.contains("Possible matches") && html.contains(
                "<a href=\"/linux-mtd/patch-1@example.org/\">&lt;patch-1@example.org&gt;</a>"), html);
        assertFalse(html.contains("hostile-1@evil.example"), "only ids sharing its words: " + html);
        assertEquals(300, get("/linux-mtd/odd%2Fid%2541+x@exa/t.mbox.gz").statusCode(), "any page of a message");
        assertEquals(404, get("/linux-mtd/unheard-of@nowhere.example/").statusCode());
    }

    @Test
    void aPatchPageSummarisesItsFindingsAtTheTopAndLinksItsNeighbours() {
        String html = page("/linux-mtd/" + TestArchive.PATCH_ID + "/");
        int summary = html.indexOf("<p class=\"summary\">lorebot: <a href=\"#lorebot\">1 finding</a> (DMA001 ");
        assertTrue(summary > 0 && summary < html.indexOf("The bounce buffer is used for DMA"),
                "one line above the body: " + html);
        assertTrue(html.contains("[<a rel=\"next\" href=\"/linux-mtd/lorebot.review.1@example.org/\">next</a>]"), html);
        assertFalse(html.contains("rel=\"prev\""), "the root has no previous message");
        String reply = page(messagePath(TestArchive.BOT_REPLY_ID));
        assertTrue(reply.contains("[<a rel=\"prev\" href=\"/linux-mtd/patch-1@example.org/\">prev</a>]"), reply);
        assertTrue(reply.contains("[<a rel=\"next\" href=\"" + messagePath(TestArchive.HUMAN_REPLY_ID) + "\">next</a>]"),
                reply);
        assertFalse(reply.contains("class=\"summary\""), "a reply has no findings");
    }

    @Test
    void messagePagesSayHowToReplyOnTheList() {
        String html = page(messagePath(TestArchive.HUMAN_REPLY_ID));
        String recipe = "  git send-email \\\n    --in-reply-to='odd/id%41+x@example.org' \\\n"
                + "    --to='bob@example.org' \\\n    --cc='alice@example.org' \\\n"
                + "    --cc='linux-mtd@lists.infradead.org' \\\n    /path/to/YOUR_REPLY\n";
        assertTrue(html.contains(recipe.replace("'", "&#39;")), html);
        assertTrue(html.contains("href=\"mailto:bob@example.org?In-Reply-To=%3Codd%2Fid%2541%2Bx@example.org%3E"
                + "&amp;Cc=alice@example.org,linux-mtd@lists.infradead.org&amp;Subject=Re:%20%5BPATCH%5D%20mtd:"), html);
    }

    @Test
    void nestedResultsShowEachMatchingThreadWholeWithTheMatchesInBold() {
        String html = page("/linux-mtd/?q=s:coherent+f:alice&x=t");
        assertTrue(html.contains("Results 1-1 of 1 in 1 thread"), html);
        assertTrue(html.contains("<b><a href=\"/linux-mtd/patch-1@example.org/\">"), "the match: " + html);
        assertTrue(html.contains("<a href=\"" + messagePath(TestArchive.HUMAN_REPLY_ID) + "\">")
                && !html.contains("<b><a href=\"" + messagePath(TestArchive.HUMAN_REPLY_ID)), "the rest of its thread: " + html);
        assertTrue(page("/linux-mtd/?q=s:coherent").contains("&amp;x=t\">nested</a>"));
    }

    @Test
    void eachThreadHasAnAtomFeed() throws Exception {
        HttpResponse<byte[]> r = get("/linux-mtd/" + TestArchive.PATCH_ID + "/t.atom");
        assertEquals(200, r.statusCode());
        assertEquals(AtomFeed.CONTENT_TYPE, r.headers().firstValue("Content-Type").orElse(""));
        Document feed = xml(r.body());
        assertEquals(3, feed.getElementsByTagName("entry").getLength(), "the patch and both replies");
        assertEquals(archive.base() + messagePath(TestArchive.HUMAN_REPLY_ID),
                ((Element) feed.getElementsByTagName("entry").item(0))
                        .getElementsByTagName("id").item(0).getTextContent(), "newest first");
        assertTrue(page("/linux-mtd/" + TestArchive.PATCH_ID + "/").contains("<a href=\"t.atom\">"));
    }

    private static List<String> mboxIds(byte[] gz) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            List<String> ids = new ArrayList<>();
            Matcher m = Pattern.compile("(?m)^Message-ID: <([^>]+)>")
                    .matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            while (m.find()) {
                ids.add(m.group(1));
            }
            return ids;
        }
    }

    private static Document xml(byte[] body) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(body));
    }

    @Test
    void apiAnswersWithTheFieldsOfSearchJson() throws IOException {
        JsonNode json = new ObjectMapper().readTree(get("/api/search?q=s:coherent&list=linux-mtd&limit=0").body());
        assertEquals(3, json.get("total").asInt());
        assertEquals(3, json.get("results").size());
        JsonNode first = json.get("results").get(0);
        assertEquals(TestArchive.HUMAN_REPLY_ID, first.get("message_id").asText(), "newest first, no <>");
        assertEquals("Bob Maintainer <bob@example.org>", first.get("from").asText());
        assertEquals("2024-01-01T10:10:00Z", first.get("date").asText());
        assertEquals(TestArchive.PATCH_ID, first.get("thread").asText());
        assertEquals("linux-mtd", first.get("list").asText());
        JsonNode limited = new ObjectMapper().readTree(get("/api/search?q=s:routine&limit=5").body());
        assertEquals(30, limited.get("total").asInt());
        assertEquals(5, limited.get("results").size());
    }

    @Test
    void badRequestsGetAClearFourHundredNeverAStackTrace() throws IOException {
        HttpResponse<byte[]> syntax = get("/linux-mtd/?q=%28unclosed");
        assertEquals(400, syntax.statusCode());
        assertTrue(Http.text(syntax).contains("is never closed"), Http.text(syntax));
        assertFalse(Http.text(syntax).contains("Exception"));
        HttpResponse<byte[]> api = get("/api/search?q=s:(open");
        assertEquals(400, api.statusCode());
        assertTrue(new ObjectMapper().readTree(api.body()).get("error").asText().contains("is never closed"));
        assertEquals(400, get("/api/search?q=nand&limit=-1").statusCode());
        assertEquals(400, get("/api/search?q=nand&limit=lots").statusCode());
        assertEquals(400, get("/api/search?q=nand&limit=999999").statusCode());
        assertEquals("HTTP/1.1 400 Bad Request",
                Http.rawStatusLine(archive.server.port(), "/linux-mtd/bad%zzid/"), "broken percent escape");
        assertEquals(400, get("/linux-mtd/%FF%FE/").statusCode(), "not UTF-8");
        assertEquals(404, get("/linux-mtd/no-such-message@example.org/").statusCode());
        assertEquals(404, get("/linux-mtd/no-such-message@example.org/raw").statusCode());
        assertEquals(404, get("/no-such-list/").statusCode());
        assertEquals(404, get("/linux-mtd/patch-1@example.org/etc/passwd").statusCode());
        assertEquals(404, get("/..%2F..%2Fetc%2Fpasswd/").statusCode(), "no path outside the data");
        assertEquals(405, Http.post(archive.base() + "/linux-mtd/", "text/plain", "x").statusCode());
    }

    @Test
    void tooCostlyQueriesAreRefusedWithTheLimitNamed() {
        HttpResponse<byte[]> huge = get("/linux-mtd/?q=" + "w1".repeat(1) + "+OR+w1".repeat(1500));
        assertEquals(400, huge.statusCode());
        assertTrue(Http.text(huge).contains("too many terms"), Http.text(huge));
        assertEquals(400, get("/linux-mtd/?q=nand&o=20000").statusCode(), "paging depth is bounded");
    }

    @Test
    void extraRoutesAnswerGetAndPost() {
        String confirm = page("/unsubscribe/tok%20en");
        assertTrue(confirm.contains("Unsubscribe tok en?"), confirm);
        HttpResponse<byte[]> done = Http.post(archive.base() + "/unsubscribe/tok3n",
                "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click");
        assertEquals(200, done.statusCode());
        assertTrue(unsubscribed.contains("tok3n [One-Click]"), unsubscribed.toString());
        assertTrue(done.headers().firstValue("Content-Security-Policy").isPresent());
    }

    @Test
    void sixteenClientsAtOnceAllGetTheirPages() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 160; i++) {
                String path = switch (i % 4) {
                    case 0 -> "/linux-mtd/?q=s:routine";
                    case 1 -> messagePath(TestArchive.PATCH_ID);
                    case 2 -> messagePath(TestArchive.PATCH_ID) + "T/";
                    default -> "/api/search?q=nand";
                };
                answers.add(clients.submit(() -> get(path).statusCode()));
            }
            for (Future<Integer> answer : answers) {
                assertEquals(200, answer.get());
            }
        } finally {
            clients.shutdown();
        }
    }

    @Test
    void headAnswersWithoutABody() {
        HttpResponse<byte[]> head = Http.send(HttpRequest.newBuilder(
                URI.create(archive.base() + "/linux-mtd/")).method("HEAD",
                HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(200, head.statusCode());
        assertEquals(0, head.body().length);
        assertEquals(Optional.of(WebResponse.HTML), head.headers().firstValue("Content-Type"));
    }
}
