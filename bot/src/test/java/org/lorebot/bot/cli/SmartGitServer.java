package org.lorebot.bot.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.PacketLineOut;
import org.eclipse.jgit.transport.RefAdvertiser;
import org.eclipse.jgit.transport.UploadPack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A git smart-HTTP server on loopback (fetch only), as lore.kernel.org serves its epochs: the JDK's
 * HTTP server answering {@code info/refs?service=git-upload-pack} and {@code git-upload-pack} with
 * JGit's {@link UploadPack}, over a directory of bare repositories.
 */
public final class SmartGitServer implements AutoCloseable {

    private static final String INFO_REFS = "/info/refs";
    private static final String UPLOAD_PACK = "/git-upload-pack";

    private final HttpServer server;
    private final Path root;

    public SmartGitServer(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getQuery();
            if (path.endsWith(INFO_REFS) && "service=git-upload-pack".equals(query)) {
                Path gitDir = repository(path.substring(0, path.length() - INFO_REFS.length()));
                if (gitDir == null) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                advertise(exchange, gitDir);
            } else if (path.endsWith(UPLOAD_PACK) && exchange.getRequestMethod().equals("POST")) {
                Path gitDir = repository(path.substring(0, path.length() - UPLOAD_PACK.length()));
                if (gitDir == null) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                upload(exchange, gitDir);
            } else {
                exchange.sendResponseHeaders(404, -1);
            }
        }
    }

    private Path repository(String urlPath) {
        Path dir = root.resolve(urlPath.substring(1)).normalize();
        return dir.startsWith(root) && Files.isRegularFile(dir.resolve("HEAD")) ? dir : null;
    }

    private static void advertise(HttpExchange exchange, Path gitDir) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/x-git-upload-pack-advertisement");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        try (Repository repo = open(gitDir); OutputStream out = exchange.getResponseBody()) {
            PacketLineOut packets = new PacketLineOut(out);
            packets.writeString("# service=git-upload-pack\n");
            packets.end();
            UploadPack upload = new UploadPack(repo);
            upload.setBiDirectionalPipe(false);
            upload.sendAdvertisedRefs(new RefAdvertiser.PacketLineOutRefAdvertiser(packets));
        }
    }

    private static void upload(HttpExchange exchange, Path gitDir) throws IOException {
        InputStream in = exchange.getRequestBody();
        if ("gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
            in = new GZIPInputStream(in);
        }
        exchange.getResponseHeaders().set("Content-Type", "application/x-git-upload-pack-result");
        exchange.sendResponseHeaders(200, 0);
        try (Repository repo = open(gitDir); OutputStream out = exchange.getResponseBody()) {
            UploadPack upload = new UploadPack(repo);
            upload.setBiDirectionalPipe(false);
            upload.upload(in, out, null);
        }
    }

    private static Repository open(Path gitDir) throws IOException {
        return new FileRepositoryBuilder().setGitDir(gitDir.toFile()).setMustExist(true).build();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
