package org.lorebot.bot.web;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Drops a connection that has not sent a complete request header in time. Jetty's idle timeout
 * alone lets a client trickling a byte every few seconds hold its connection for ever; this
 * bounds the whole header, counted from the connection's opening or the end of its last answer.
 *
 * <p>Added to the connector as a bean, so Jetty tells it of every connection opened and closed;
 * the site handler calls {@link #requestStarted} and the completion of each request re-arms it.
 */
final class HeaderDeadline extends AbstractLifeCycle implements Connection.Listener {

    /** How often expired connections are looked for: the timeout is kept to within this. */
    private static final long SWEEP_MILLIS = 250;
    private static final long BUSY = Long.MAX_VALUE;

    private final long timeoutNanos;
    private final Scheduler scheduler;
    /** Each open connection's deadline (System.nanoTime()), {@link #BUSY} while a request runs. */
    private final Map<Connection, Long> deadlines = new ConcurrentHashMap<>();
    private volatile Scheduler.Task sweep;

    HeaderDeadline(Duration timeout, Scheduler scheduler) {
        this.timeoutNanos = timeout.toNanos();
        this.scheduler = scheduler;
    }

    @Override
    protected void doStart() {
        schedule();
    }

    @Override
    protected void doStop() {
        Scheduler.Task task = sweep;
        if (task != null) {
            task.cancel();
        }
        deadlines.clear();
    }

    @Override
    public void onOpened(Connection connection) {
        deadlines.put(connection, System.nanoTime() + timeoutNanos);
    }

    @Override
    public void onClosed(Connection connection) {
        deadlines.remove(connection);
    }

    /** The request's header is in: no deadline until its answer is complete. */
    void requestStarted(Request request) {
        Connection connection = request.getConnectionMetaData().getConnection();
        deadlines.computeIfPresent(connection, (c, deadline) -> BUSY);
        Request.addCompletionListener(request, failure -> deadlines.computeIfPresent(connection,
                (c, deadline) -> System.nanoTime() + timeoutNanos));
    }

    /** Open connections waiting for a header (for tests and the log). */
    int waiting() {
        return (int) deadlines.values().stream().filter(d -> d != BUSY).count();
    }

    private void schedule() {
        if (isRunning() || isStarting()) {
            sweep = scheduler.schedule(this::sweep, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private void sweep() {
        try {
            long now = System.nanoTime();
            deadlines.forEach((connection, deadline) -> {
                if (deadline != BUSY && now - deadline > 0) {
                    deadlines.remove(connection, deadline);
                    connection.getEndPoint().close();
                }
            });
        } finally {
            schedule();
        }
    }
}
