package org.lorebot.bot.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the archive answers: status, content type, extra headers and body. The archive adds its
 * security headers (Content-Security-Policy, X-Content-Type-Options, Referrer-Policy) to every
 * response.
 *
 * @param status      the HTTP status
 * @param contentType the Content-Type header
 * @param headers     further headers (Location, Content-Disposition, Cache-Control...)
 * @param body        the body
 */
public record WebResponse(int status, String contentType, Map<String, String> headers,
                          byte[] body) {

    public static final String HTML = "text/html; charset=utf-8";
    public static final String TEXT = "text/plain; charset=utf-8";

    public WebResponse {
        headers = Map.copyOf(headers);
    }

    /** An HTML page (see {@link PageLayout#page}). */
    public static WebResponse html(int status, String html) {
        return new WebResponse(status, HTML, Map.of(), html.getBytes(StandardCharsets.UTF_8));
    }

    /** Plain UTF-8 text. */
    public static WebResponse text(int status, String text) {
        return new WebResponse(status, TEXT, Map.of(), text.getBytes(StandardCharsets.UTF_8));
    }

    /** Bytes of any type. */
    public static WebResponse bytes(String contentType, byte[] body) {
        return new WebResponse(200, contentType, Map.of(), body);
    }

    /** A redirect ({@code 302 Found}) to a path on this server or an absolute URL. */
    public static WebResponse redirect(String location) {
        return new WebResponse(302, TEXT, Map.of("Location", location),
                ("see " + location + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** This response with one more header. */
    public WebResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new WebResponse(status, contentType, more, body);
    }
}
