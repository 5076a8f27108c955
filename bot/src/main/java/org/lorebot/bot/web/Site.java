package org.lorebot.bot.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.lorebot.config.InboxConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;


/**
 * Finds the page for each request's path (lore's URL layout). A request the archive cannot answer gets a 4xx page that
 * says why; a failure inside gets a plain 500 page, its stack trace only in the log.
 */
final class Site {

    private static final Logger LOG = LoggerFactory.getLogger(Site.class);

    /**
     * No script may run, no plugin load, nothing framed; styles and images only from here, forms
     * only posted here.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; "
            + "img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    private static final int MAX_MESSAGE_ID = 1000;
    /** An attachment's URL, as public-inbox's: part number, '-', file name ({@code 2-a.bin}). */
    private static final Pattern PART = Pattern.compile("([1-9][0-9]{0,3}(?:\\.[1-9][0-9]{0,3}){0,23})-[^/]+");

    private final Archive archive;
    private final List<WebRoute> routes;
    private final InboxPages inboxes;
    private final SearchPages searches;
    private final MessagePages messages;
    private final ThreadPages threads;
    private final SearchApi api;
    private final byte[] styleSheet;

    Site(Archive archive, List<WebRoute> routes) throws IOException {
        this.archive = archive;
        this.routes = List.copyOf(routes);
        this.inboxes = new InboxPages(archive);
        this.searches = new SearchPages(archive);
        this.messages = new MessagePages(archive);
        this.threads = new ThreadPages(archive);
        this.api = new SearchApi(archive);
        try (InputStream css = Site.class.getResourceAsStream("style.css")) {
            if (css == null) {
                throw new IOException("style.css missing from the lorebot jar");
            }
            this.styleSheet = css.readAllBytes();
        }
    }

    /**
     * The answer to one request; {@code base} is the archive's absolute URL as the client
     * reached it ({@code http://host:port}), which redirects and feeds are built on.
     */
    WebResponse answer(WebRequest request, String base) {
        String path = request.path();
        WebResponse response;
        try {
            response = route(request, base);
        } catch (WebException e) {
            response = error(path, e.status(), e.getMessage());
        } catch (StackOverflowError e) {
            // a pathological input the bounds upstream missed: one line, not a thousand
            LOG.warn("{} {}: too deeply nested to answer ({} characters of query)", request.method(),
                    path, request.parameter("q").map(String::length).orElse(0));
            response = error(path, 400, "the request nests too deeply to be answered");
        } catch (RuntimeException | IOException e) {
            LOG.error("{} {} failed", request.method(), path, e);
            response = error(path, 500, "the archive failed to answer this request; "
                    + "the error is in the server's log");
        }
        String location = response.headers().get("Location");
        // b4 and other clients build further URLs from Location: it must be absolute
        return location != null && location.startsWith("/")
                ? response.withHeader("Location", base + location) : response;
    }

    private WebResponse route(WebRequest request, String base) throws WebException, IOException {
        String path = request.path();
        for (WebRoute route : routes) {
            if (path.startsWith(route.pathPrefix()) && route.method().equals(request.method())) {
                return route.handle(request);
            }
        }
        if (request.method().equals("POST") && isSearch(path)) {
            return inbox(request, base);
        }
        if (!request.method().equals("GET")) {
            throw new WebException(405, "this archive is read-only: " + request.method()
                    + " is not accepted here");
        }
        if (path.equals("/")) {
            return inboxes.inboxes();
        }
        if (path.equals("/style.css")) {
            return WebResponse.bytes("text/css; charset=utf-8", styleSheet)
                    .withHeader("Cache-Control", "max-age=86400");
        }
        if (path.equals("/api/search")) {
            return api.answer(request);
        }
        if (path.equals("/rules")) {
            return WebResponse.redirect("/rules/");
        }
        if (path.equals("/rules/")) {
            return RulePages.index();
        }
        if (path.startsWith("/rules/")) {
            return RulePages.rule(strip(request.pathAfter("/rules/")), this::archived);
        }
        if (path.startsWith("/r/")) {
            return messages.redirect(messageId(strip(request.pathAfter("/r/"))));
        }
        return inbox(request, base);
    }

    /** Everything under {@code /<list>/}. */
    private WebResponse inbox(WebRequest request, String base) throws WebException, IOException {
        String[] segments = request.path().substring(1).split("/", -1);
        String list = decode(segments[0]);
        if (list.isEmpty() || !InboxConfig.NAME.matcher(list).matches()) {
            throw WebException.notFound("no page at " + request.path());
        }
        archive.requireList(list);
        if (segments.length == 1) {
            return WebResponse.redirect(Links.list(list));
        }
        if (segments.length == 2) {
            switch (segments[1]) {
                case "":
                    if (request.field("q").filter(q -> !q.isBlank()).isPresent()) {
                        return searches.answer(list, request, base);
                    }
                    if (!request.method().equals("GET")) {
                        throw new WebException(405, "only a search (q=...&x=m) is posted here");
                    }
                    return inboxes.topics(list, request);
                case "new.atom":
                    return inboxes.atom(list, base);
                default:
                    return WebResponse.redirect(Links.message(list, messageId(decode(segments[1]))));
            }
        }
        if (segments[1].equals("_")) {
            if (segments.length >= 4 && segments[2].equals("text") && segments[3].equals("help")) {
                return SearchPages.help(list);
            }
            throw WebException.notFound("no page at " + request.path());
        }
        String id = messageId(decode(segments[1]));
        String rest = String.join("/", List.of(segments).subList(2, segments.length));
        try {
            return messagePage(list, id, rest, base);
        } catch (WebException e) {
            if (e.status() == 404 && archive.index().message(id).isEmpty()
                    && archive.index().thread(id).isEmpty()) {
                return messages.possibleMatches(list, id);
            }
            throw e;
        }
    }

    /** Everything under {@code /<list>/<message-id>/}. */
    private WebResponse messagePage(String list, String id, String rest, String base)
            throws WebException, IOException {
        return switch (rest) {
            case "" -> messages.message(list, id);
            case "raw" -> messages.raw(id);
            case "T/" -> threads.nested(list, id);
            case "t/" -> threads.flat(list, id);
            case "T", "t" -> WebResponse.redirect(Links.message(list, id) + rest + "/");
            case "t.mbox.gz" -> threads.mbox(id);
            case "t.atom" -> threads.atom(list, id, base);
            default -> {
                Matcher part = PART.matcher(rest);
                if (!part.matches()) {
                    throw WebException.notFound("no page '" + rest + "' for a message");
                }
                yield messages.attachment(id, part.group(1));
            }
        };
    }

    private boolean archived(String messageId) {
        try {
            return archive.index().raw(messageId).isPresent();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code /<list>/}, where lore's search posts its mbox.gz buttons. */
    private static boolean isSearch(String path) {
        return path.length() > 2 && path.indexOf('/', 1) == path.length() - 1;
    }

    private static String messageId(String id) throws WebException {
        String bare = id.strip();
        if (bare.startsWith("<") && bare.endsWith(">") && bare.length() > 1) {
            bare = bare.substring(1, bare.length() - 1).strip();
        }
        if (bare.isEmpty() || bare.length() > MAX_MESSAGE_ID || bare.chars().anyMatch(c -> c < 0x20)) {
            throw WebException.badRequest("'" + abbreviate(id) + "' is not a Message-ID");
        }
        return bare;
    }

    private static String strip(String segment) {
        return segment.endsWith("/") ? segment.substring(0, segment.length() - 1) : segment;
    }

    private static String decode(String segment) throws WebException {
        try {
            return PercentCoding.decode(segment);
        } catch (IllegalArgumentException e) {
            throw WebException.badRequest("bad URL: " + e.getMessage());
        }
    }

    /**
     * A non-negative integer parameter, {@code fallback} when absent.
     *
     * @throws WebException 400 when it is not a number or larger than {@code max}
     */
    static int intParameter(WebRequest request, String name, int fallback, int max) throws WebException {
        String value = request.parameter(name).orElse("").strip();
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n < 0 || n > max) {
                throw WebException.badRequest(name + "=" + value + " is out of range (0 to " + max + ")");
            }
            return n;
        } catch (NumberFormatException e) {
            throw WebException.badRequest(name + "=" + abbreviate(value) + " is not a number");
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }

    static WebResponse error(String path, int status, String message) {
        if (path != null && path.startsWith("/api/")) {
            return SearchApi.error(status, message);
        }
        String title = switch (status) {
            case 400 -> "Bad request";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 413 -> "Request too large";
            default -> status >= 500 ? "Server error" : "Error " + status;
        };
        String html = "<h1>" + status + " " + title + "</h1>\n<p class=\"error\">"
                + Html.escape(message) + "</p>\n<p><a href=\"/\">the inboxes</a></p>\n";
        WebResponse response = WebResponse.html(status, PageLayout.page(title, html));
        return status == 405 ? response.withHeader("Allow", "GET, HEAD") : response;
    }
}
