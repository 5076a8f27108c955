package org.lorebot.bot.web;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;

import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.ConnectionLimit;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.lorebot.config.LorebotConfig;
import org.lorebot.index.MailIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The searchable web archive: lore.kernel.org's pages and URLs over lorebot's index, read-only,
 * and each inbox's epochs for {@code git clone}.
 *
 * <pre>{@code
 * try (WebServer web = WebServer.start(index, config, List.of())) {   // [web] listen
 *     System.out.println("serving " + web.uri());
 *     ...
 * }
 * }</pre>
 *
 * <p>Served by Jetty: connections are watched by its selector, not by a thread each, so clients
 * that connect and stay silent cost a socket; a worker thread is taken only once a request's
 * header is complete, and {@link ServerLimits} bound the rest (header time, idle time,
 * connections, workers, header size). Extra pages of other parts of lorebot are mounted
 * as {@link WebRoute}s.
 */
public final class WebServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

    private final Server server;
    private final ServerConnector connector;

    private WebServer(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
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
        return start(index, config, address, routes, ServerLimits.DEFAULT);
    }

    static WebServer start(MailIndex index, LorebotConfig config, InetSocketAddress address,
                           List<WebRoute> routes, ServerLimits limits) throws IOException {
        for (WebRoute route : routes) {
            if (!route.pathPrefix().startsWith("/")) {
                throw new IllegalArgumentException("route " + route + ": path prefix must start with '/'");
            }
        }
        Archive archive = new Archive(index, config);
        Site site = new Site(archive, routes);

        QueuedThreadPool workers = new QueuedThreadPool(limits.threads(), 4);
        workers.setName("lorebot-web");
        workers.setDaemon(true);
        Server server = new Server(workers);
        server.setStopTimeout(1_000);

        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setRequestHeaderSize(ServerLimits.MAX_HEADER_BYTES);
        // Message-IDs hold '/', '%', '..' and worse; paths are decoded by the archive itself
        // and never name a file, so Jetty need not refuse the ambiguous ones.
        http.setUriCompliance(UriCompliance.UNSAFE);
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(address.getHostString());
        connector.setPort(address.getPort());
        connector.setIdleTimeout(limits.idleTimeout().toMillis());
        connector.setAcceptQueueSize(128);
        HeaderDeadline deadline = new HeaderDeadline(limits.headerTimeout(), connector.getScheduler());
        connector.addBean(deadline);
        server.addConnector(connector);
        server.addBean(new ConnectionLimit(limits.maxConnections(), server));

        Handler.Sequence handlers = new Handler.Sequence(new GitEndpoints(archive, deadline),
                new SiteHandler(site, config.web().url(), deadline));
        server.setHandler(handlers);
        try {
            server.start();
        } catch (IOException e) {
            stopQuietly(server);
            throw new IOException("cannot listen on " + address + ": " + e.getMessage(), e);
        } catch (Exception e) {
            stopQuietly(server);
            throw new IOException("cannot start the web archive on " + address + ": " + e, e);
        }
        WebServer web = new WebServer(server, connector);
        LOG.info("web archive at {}", web.uri());
        return web;
    }

    /** The port bound (the one picked when asked for port 0). */
    public int port() {
        return connector.getLocalPort();
    }

    /** {@code http://host:port/} of the archive. */
    public URI uri() {
        String host = connector.getHost();
        if (host == null || host.isEmpty() || host.equals("0.0.0.0") || host.equals("::")) {
            host = "localhost";
        }
        if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + port() + "/");
    }

    /** Stops accepting, lets running requests finish (up to a second), and stops the workers. */
    public void stop() {
        stopQuietly(server);
    }

    @Override
    public void close() {
        stop();
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            // requests still running after the grace time are cut: nothing to report
            LOG.debug("stopping the web archive: {}", e.toString());
        }
    }
}
