package org.lorebot.bot.web;

import java.time.Duration;

/**
 * How much of the machine strangers on the internet may hold: the web archive is crawled
 * around the clock, and a client that connects and then sends slowly or not at all must cost
 * a socket and a few kilobytes, never a worker thread.
 *
 * @param headerTimeout  how long a connection may take to send a complete request header, from
 *                       connecting or from the end of its previous answer; then it is dropped
 * @param idleTimeout    how long a connection may sit without any byte moving either way
 * @param maxConnections open connections at most; past it, new ones wait in the listen backlog
 * @param threads        worker threads at most (pages are built in memory by a blocking worker);
 *                       requests waiting for one are bounded by {@code maxConnections}, as an
 *                       HTTP/1.1 connection has one request at a time
 */
record ServerLimits(Duration headerTimeout, Duration idleTimeout, int maxConnections, int threads) {

    /** What {@code lorebot serve} and {@code lorebot run} use. */
    static final ServerLimits DEFAULT =
            new ServerLimits(Duration.ofSeconds(10), Duration.ofSeconds(30), 2_000, 32);

    /**
     * Request line and headers larger than this are refused (414, 431). Larger than most
     * servers' 8 KB, as search URLs can be long.
     */
    static final int MAX_HEADER_BYTES = 32 * 1024;

    ServerLimits {
        if (headerTimeout.isNegative() || headerTimeout.isZero()
                || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        if (maxConnections < 1 || threads < 4) {
            throw new IllegalArgumentException("at least 1 connection and 4 threads");
        }
    }

    /** These limits with another header timeout. */
    ServerLimits withHeaderTimeout(Duration timeout) {
        return new ServerLimits(timeout, idleTimeout, maxConnections, threads);
    }
}
