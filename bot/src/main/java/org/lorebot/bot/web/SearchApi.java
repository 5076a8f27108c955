package org.lorebot.bot.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import org.lorebot.index.search.SearchHit;
import org.lorebot.index.search.SearchResults;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * {@code /api/search?q=QUERY&list=LIST&limit=N&offset=N}: search results as JSON for scripts.
 * Each result has the fields of {@code lorebot search --json}: {@code message_id} (without
 * angle brackets), {@code subject}, {@code from}, {@code date} (ISO-8601 UTC), {@code thread},
 * {@code list}. {@code limit=0} means all matches, up to {@link Archive#MAX_RESULTS}.
 */
final class SearchApi {

    static final String CONTENT_TYPE = "application/json; charset=utf-8";
    static final int DEFAULT_LIMIT = 25;

    private static final JsonFactory JSON = new JsonFactory();

    private final Archive archive;

    SearchApi(Archive archive) {
        this.archive = archive;
    }

    WebResponse answer(WebRequest request) throws WebException, IOException {
        String query = request.parameter("q").orElse("").strip();
        if (query.isEmpty()) {
            throw WebException.badRequest("missing q=QUERY");
        }
        String list = request.parameter("list").orElse("").strip();
        if (list.isEmpty()) {
            list = Archive.ALL;
        } else {
            archive.requireList(list);
        }
        int limit = Site.intParameter(request, "limit", DEFAULT_LIMIT, Archive.MAX_RESULTS);
        int offset = Site.intParameter(request, "offset", 0, Archive.MAX_OFFSET);
        SearchResults results;
        if (limit == 0) {
            // "all": counted first, so that a huge answer is refused rather than built
            long total = archive.search(list, query, 0, 1).total();
            if (total - offset > Archive.MAX_RESULTS) {
                throw WebException.badRequest("the query matches " + total + " messages; at most "
                        + Archive.MAX_RESULTS + " are returned at once: page with offset= and limit=");
            }
            results = archive.search(list, query, offset, Archive.MAX_RESULTS);
        } else {
            results = archive.search(list, query, offset, limit);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + results.hits().size() * 256);
        try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeStringField("query", query);
            json.writeStringField("list", list.equals(Archive.ALL) ? null : list);
            json.writeNumberField("total", results.total());
            json.writeNumberField("offset", offset);
            json.writeArrayFieldStart("results");
            for (SearchHit hit : results.hits()) {
                json.writeStartObject();
                json.writeStringField("message_id", hit.messageId());
                json.writeStringField("subject", hit.subject());
                json.writeStringField("from", hit.from());
                json.writeStringField("date", hit.date() == null ? null : hit.date().toString());
                json.writeStringField("thread", hit.thread());
                json.writeStringField("list", hit.list());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        return WebResponse.bytes(CONTENT_TYPE, out.toByteArray());
    }

    /** An error as JSON: {@code {"error": "..."}}. */
    static WebResponse error(int status, String message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeStringField("error", message);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory", e);
        }
        return new WebResponse(status, CONTENT_TYPE, Map.of(), out.toByteArray());
    }
}
