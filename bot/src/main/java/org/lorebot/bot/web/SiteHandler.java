package org.lorebot.bot.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Carries each HTTP request from Jetty to the {@link Site} and its answer back, with the
 * security headers. The body read is bounded by {@link WebRequest#MAX_BODY}; a worker thread
 * blocks here only while a page is built, never while a client sends its header.
 */
final class SiteHandler extends Handler.Abstract {

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:\\[\\]-]{1,255}");

    private final Site site;
    private final String publicBase;
    private final HeaderDeadline deadline;

    /** @param publicBase {@code [web] url}, null to use each request's {@code Host} */
    SiteHandler(Site site, URI publicBase, HeaderDeadline deadline) {
        this.site = site;
        this.publicBase = publicBase == null ? null : publicBase.toString().replaceAll("/+$", "");
        this.deadline = deadline;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        deadline.requestStarted(request);
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        String path = request.getHttpURI().getPath();
        WebResponse answer;
        try {
            answer = site.answer(read(request, method, path), base(request));
        } catch (WebException e) {
            answer = Site.error(path, e.status(), e.getMessage());
        } catch (IOException e) {
            // the client went away while sending its body: nobody to answer
            callback.failed(e);
            return true;
        }
        send(response, answer, method.equals("HEAD"), callback);
        return true;
    }

    private static WebRequest read(Request request, String method, String path)
            throws WebException, IOException {
        Map<String, List<String>> query;
        try {
            query = QueryString.parse(request.getHttpURI().getQuery());
        } catch (IllegalArgumentException e) {
            throw WebException.badRequest("bad query string: " + e.getMessage());
        }
        Map<String, String> headers = new HashMap<>();
        for (HttpField field : request.getHeaders()) {
            headers.putIfAbsent(field.getLowerCaseName(), field.getValue());
        }
        if (request.getLength() > WebRequest.MAX_BODY) {
            throw new WebException(413, "the request body is larger than " + WebRequest.MAX_BODY + " bytes");
        }
        byte[] body;
        try (InputStream in = Content.Source.asInputStream(request)) {
            body = in.readNBytes(WebRequest.MAX_BODY + 1);
        }
        if (body.length > WebRequest.MAX_BODY) {
            throw new WebException(413, "the request body is larger than " + WebRequest.MAX_BODY + " bytes");
        }
        return new WebRequest(method.equals("HEAD") ? "GET" : method, path, query, headers, body);
    }

    /** The archive's absolute URL as this client reached it. */
    private String base(Request request) {
        if (publicBase != null) {
            return publicBase;
        }
        String host = request.getHeaders().get(HttpHeader.HOST);
        if (host != null && HOST.matcher(host).matches()) {
            return "http://" + host;
        }
        return "http://" + Request.getLocalAddr(request) + ":" + Request.getLocalPort(request);
    }

    static void send(Response response, WebResponse answer, boolean head, Callback callback) {
        response.setStatus(answer.status());
        HttpFields.Mutable headers = response.getHeaders();
        headers.put(HttpHeader.CONTENT_TYPE, answer.contentType());
        headers.put("Content-Security-Policy", Site.CONTENT_SECURITY_POLICY);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("X-Frame-Options", "DENY");
        answer.headers().forEach(headers::put);
        headers.put(HttpHeader.CONTENT_LENGTH, answer.body().length);
        response.write(true, head ? ByteBuffer.allocate(0) : ByteBuffer.wrap(answer.body()), callback);
    }
}
