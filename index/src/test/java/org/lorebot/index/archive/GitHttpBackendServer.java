package org.lorebot.index.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real git smart-HTTP server on loopback: the JDK's HTTP server running C git's
 * {@code git http-backend} as a CGI program over a directory of repositories.
 */
final class GitHttpBackendServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final Path root;
    private final String backend;

    private GitHttpBackendServer(Path root, String backend) throws IOException {
        this.root = root;
        this.backend = backend;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** Starts serving {@code root}; null when git or its http-backend is not installed. */
    static GitHttpBackendServer start(Path root) throws IOException {
        String backend = findBackend();
        return backend == null ? null : new GitHttpBackendServer(root, backend);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static String findBackend() {
        try {
            Process p = new ProcessBuilder("git", "--exec-path").redirectErrorStream(true).start();
            String execPath = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (p.waitFor() != 0) {
                return null;
            }
            Path backend = Path.of(execPath, "git-http-backend");
            return Files.isExecutable(backend) ? backend.toString() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            ProcessBuilder pb = new ProcessBuilder(backend);
            Map<String, String> env = pb.environment();
            env.put("GIT_PROJECT_ROOT", root.toString());
            env.put("GIT_HTTP_EXPORT_ALL", "1");
            env.put("GATEWAY_INTERFACE", "CGI/1.1");
            env.put("REQUEST_METHOD", exchange.getRequestMethod());
            env.put("PATH_INFO", exchange.getRequestURI().getRawPath());
            String query = exchange.getRequestURI().getRawQuery();
            env.put("QUERY_STRING", query == null ? "" : query);
            env.put("REMOTE_ADDR", exchange.getRemoteAddress().getAddress().getHostAddress());
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            if (type != null) {
                env.put("CONTENT_TYPE", type);
            }
            for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
                env.put("HTTP_" + header.getKey().toUpperCase().replace('-', '_'), String.join(", ", header.getValue()));
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            env.put("CONTENT_LENGTH", Integer.toString(body.length));
            pb.redirectError(ProcessBuilder.Redirect.DISCARD);
            Process process = pb.start();
            Thread writer = new Thread(() -> {
                try (OutputStream in = process.getOutputStream()) {
                    in.write(body);
                } catch (IOException e) {
                    // the backend stopped reading; its answer says why
                }
            });
            writer.start();
            byte[] output;
            try (InputStream out = process.getInputStream()) {
                output = out.readAllBytes();
            }
            respond(exchange, output);
            process.waitFor();
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Turns the CGI answer (headers, blank line, body) into an HTTP response. */
    private static void respond(HttpExchange exchange, byte[] output) throws IOException {
        int headerEnd = -1;
        int bodyStart = -1;
        for (int i = 0; i + 1 < output.length; i++) {
            if (output[i] == '\n' && output[i + 1] == '\n') {
                headerEnd = i;
                bodyStart = i + 2;
                break;
            }
            if (i + 3 < output.length && output[i] == '\r' && output[i + 1] == '\n' && output[i + 2] == '\r'
                    && output[i + 3] == '\n') {
                headerEnd = i;
                bodyStart = i + 4;
                break;
            }
        }
        if (headerEnd < 0) {
            exchange.sendResponseHeaders(502, -1);
            return;
        }
        int status = 200;
        for (String line : new String(output, 0, headerEnd, StandardCharsets.ISO_8859_1).split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            if (name.equalsIgnoreCase("Status")) {
                status = Integer.parseInt(value.split(" ")[0]);
            } else {
                exchange.getResponseHeaders().add(name, value);
            }
        }
        int length = output.length - bodyStart;
        exchange.sendResponseHeaders(status, length == 0 ? -1 : length);
        if (length > 0) {
            exchange.getResponseBody().write(output, bodyStart, length);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

}
