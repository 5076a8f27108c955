package org.lorebot.bot.cli;

import java.io.PrintWriter;

/**
 * Progress for logs and pipes: a line such as {@code linux-mtd: 4000/8593 messages (46%), 1210
 * msgs/s} at most once per interval.
 */
final class PlainProgress implements ProgressDisplay {

    static final long DEFAULT_INTERVAL_NANOS = 5_000_000_000L;

    private final String task;
    private long total;
    private final PrintWriter err;
    private final long intervalNanos;
    private final long started = System.nanoTime();
    private long lastPrinted = started;
    private long done;

    PlainProgress(String task, long total, PrintWriter err, long intervalNanos) {
        this.task = task;
        this.total = total;
        this.err = err;
        this.intervalNanos = intervalNanos;
    }

    @Override
    public void update(long done, long total) {
        this.total = total;
        update(done);
    }

    @Override
    public void update(long done) {
        this.done = done;
        long now = System.nanoTime();
        if (now - lastPrinted >= intervalNanos) {
            lastPrinted = now;
            err.println(line(now));
            err.flush();
        }
    }

    String line(long now) {
        StringBuilder sb = new StringBuilder(task).append(": ").append(done);
        if (total > 0) {
            sb.append('/').append(total).append(" messages (").append(Math.min(100, done * 100 / total)).append("%)");
        } else {
            sb.append(" messages");
        }
        double seconds = (now - started) / 1e9;
        if (seconds > 0) {
            sb.append(", ").append(Math.round(done / seconds)).append(" msgs/s");
        }
        return sb.toString();
    }

    @Override
    public void close() {
        err.flush();
    }
}
