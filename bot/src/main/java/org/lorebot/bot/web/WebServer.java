package org.lorebot.bot.web;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.lorebot.config.LorebotConfig;
import org.lorebot.index.MailIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.sun.net.httpserver.HttpServer;

/**
 * The searchable web archive: lore.kernel.org's pages and URLs over lorebot's index, read-only.
 *
 * <pre>{@code
 * try (WebServer web = WebServer.start(index, config, List.of())) {   // [web] listen
 *     System.out.println("serving " + web.uri());
 *     ...
 * }
 * }</pre>
 *
 * <p>Served by the JDK's own HTTP server (module {@code jdk.httpserver}): no dependency to
 * keep up to date, and the pages are small and built in memory, so its blocking model with a
 * fixed pool of worker threads is all the archive needs (measured in docs/BENCHMARKS.md).
 * Extra pages of other parts of lorebot are mounted as {@link WebRoute}s.
 */
public final class WebServer implements AutoCloseable {

    /** Worker threads: one per concurrent client the archive is sized for. */
    public static final int THREADS = 16;

    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

    static {
        // Without TCP_NODELAY, Nagle's algorithm and delayed ACKs hold each small keep-alive
        // response back ~40 ms. Read once, when the JDK server's configuration first loads.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService workers;

    private WebServer(HttpServer server, ExecutorService workers) {
        this.server = server;
        this.workers = workers;
    }

    /**
     * Serves {@code index} on {@code [web] listen}.
     *
     * @param routes extra pages and endpoints, consulted before the archive's own
     * @throws IllegalArgumentException when {@code [web] listen} is empty or malformed
     * @throws IOException when the address cannot be bound (in use, not local...)
     */
    public static WebServer start(MailIndex index, LorebotConfig config, List<WebRoute> routes)
            throws IOException {
        if (!config.web().enabled()) {
            throw new IllegalArgumentException("[web] listen is not set: nothing to listen on");
        }
        return start(index, config, ListenAddress.parse(config.web().listen()), routes);
    }

    /** Serves {@code index} on {@code address} (port 0 picks a free port). */
    public static WebServer start(MailIndex index, LorebotConfig config, InetSocketAddress address,
                                  List<WebRoute> routes) throws IOException {
        for (WebRoute route : routes) {
            if (!route.pathPrefix().startsWith("/")) {
                throw new IllegalArgumentException("route " + route + ": path prefix must start with '/'");
            }
        }
        Site site = new Site(new Archive(index, config), routes);
        HttpServer server;
        try {
            server = HttpServer.create(address, 128);
        } catch (IOException e) {
            throw new IOException("cannot listen on " + address + ": " + e.getMessage(), e);
        }
        ThreadPoolExecutor workers = new ThreadPoolExecutor(THREADS, THREADS, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), new WorkerThreads());
        server.setExecutor(workers);
        server.createContext("/", site);
        server.start();
        WebServer web = new WebServer(server, workers);
        site.fallbackBase(web.uri().toString().replaceAll("/$", ""));
        LOG.info("web archive at {}", web.uri());
        return web;
    }

    /** The address bound. */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** The port bound (the one picked when asked for port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://host:port/} of the archive. */
    public URI uri() {
        InetSocketAddress a = address();
        String host = a.getAddress().isAnyLocalAddress() ? "localhost"
                : a.getAddress().getHostAddress();
        if (host.indexOf(':') >= 0) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + a.getPort() + "/");
    }

    /** Stops accepting, lets running requests finish (up to a second), and stops the workers. */
    public void stop() {
        server.stop(1);
        workers.shutdown();
        try {
            if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static final class WorkerThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread t = new Thread(task, "lorebot-web-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }
}
