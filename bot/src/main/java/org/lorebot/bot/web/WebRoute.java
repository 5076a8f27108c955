package org.lorebot.bot.web;

import java.io.IOException;

/**
 * An extra page or endpoint mounted on the web archive by another part of lorebot (for example
 * the digests' unsubscribe links), passed to {@link WebServer#start}.
 *
 * <pre>{@code
 * WebRoute confirm = WebRoute.of("GET", "/unsubscribe/", request -> {
 *     String token = request.pathAfter("/unsubscribe/");
 *     return WebResponse.html(200, PageLayout.page("Unsubscribe",
 *             "<p>Unsubscribe " + Html.escape(token) + "?</p>"));
 * });
 * }</pre>
 *
 * <p>A route answers every request whose method is {@link #method()} and whose path starts with
 * {@link #pathPrefix()}; extra routes are consulted before the archive's own pages, in the
 * order given. Responses get the archive's security headers (a Content-Security-Policy that
 * forbids scripts and allows forms to post to the archive itself). An exception thrown by a
 * route becomes a 500 page (a {@link WebException} its own status); its stack trace is logged,
 * never shown.
 */
public interface WebRoute {

    /** The HTTP method answered: {@code GET} (which also answers {@code HEAD}) or {@code POST}. */
    String method();

    /** The path prefix answered, starting with {@code /}, e.g. {@code /unsubscribe/}. */
    String pathPrefix();

    /** Answers one request. */
    WebResponse handle(WebRequest request) throws IOException, WebException;

    /** A route from a method, a prefix and a handler. */
    static WebRoute of(String method, String pathPrefix, Handler handler) {
        if (!pathPrefix.startsWith("/")) {
            throw new IllegalArgumentException("a route's path prefix starts with '/': " + pathPrefix);
        }
        String upper = method.toUpperCase(java.util.Locale.ROOT);
        return new WebRoute() {
            @Override
            public String method() {
                return upper;
            }

            @Override
            public String pathPrefix() {
                return pathPrefix;
            }

            @Override
            public WebResponse handle(WebRequest request) throws IOException, WebException {
                return handler.handle(request);
            }

            @Override
            public String toString() {
                return upper + " " + pathPrefix + "*";
            }
        };
    }

    /** What answers the requests of a route made with {@link #of}. */
    @FunctionalInterface
    interface Handler {
        WebResponse handle(WebRequest request) throws IOException, WebException;
    }
}
