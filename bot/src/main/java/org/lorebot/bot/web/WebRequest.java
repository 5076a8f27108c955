package org.lorebot.bot.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request as the archive's pages and {@link WebRoute}s see it.
 *
 * @param method  the method, upper case ({@code HEAD} is passed to routes as {@code GET})
 * @param path    the raw path, still percent-encoded, e.g. {@code /linux-mm/abc%40x/}
 * @param query   the query string's parameters, decoded, in order of appearance
 * @param headers request headers, names in lower case, the first value of each
 * @param body    the request body (empty for GET), at most {@link #MAX_BODY} bytes
 */
public record WebRequest(String method, String path, Map<String, List<String>> query,
                         Map<String, String> headers, byte[] body) {

    /** The largest request body accepted; longer ones are refused with 413. */
    public static final int MAX_BODY = 64 * 1024;

    public WebRequest {
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
        body = body.clone();
    }

    /** The first value of a query parameter. */
    public Optional<String> parameter(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /**
     * A parameter from the query string, else from a posted form: lore's search takes
     * {@code q}, {@code x} and {@code t} either way.
     */
    public Optional<String> field(String name) {
        Optional<String> inQuery = parameter(name);
        if (inQuery.isPresent()) {
            return inQuery;
        }
        List<String> posted = form().get(name);
        return posted == null || posted.isEmpty() ? Optional.empty() : Optional.of(posted.get(0));
    }

    /** A request header (name in any case). */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    /**
     * The parameters of an {@code application/x-www-form-urlencoded} body (what an HTML form or an
     * RFC 8058 one-click unsubscribe posts); empty for any other body.
     */
    public Map<String, List<String>> form() {
        String type = header("content-type").orElse("").toLowerCase(Locale.ROOT);
        if (!type.startsWith("application/x-www-form-urlencoded")) {
            return Map.of();
        }
        try {
            return QueryString.parse(new String(body, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Map.of();
        }
    }

    /**
     * What follows {@code prefix} in the path, percent-decoded, e.g. the token of
     * {@code /unsubscribe/abc} for prefix {@code /unsubscribe/}.
     *
     * @throws WebException 400 when the path is not valid percent-encoded UTF-8
     * @throws IllegalArgumentException when the path does not start with {@code prefix}
     */
    public String pathAfter(String prefix) throws WebException {
        if (!path.startsWith(prefix)) {
            throw new IllegalArgumentException(path + " does not start with " + prefix);
        }
        try {
            return PercentCoding.decode(path.substring(prefix.length()));
        } catch (IllegalArgumentException e) {
            throw WebException.badRequest("bad path: " + e.getMessage());
        }
    }
}
