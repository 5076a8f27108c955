package org.lorebot.index.solr;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.solr.client.solrj.impl.HttpJdkSolrClient;

/**
 * One Solr node over the JDK's HTTP client: SolrJ's {@link HttpJdkSolrClient}, with worker
 * threads that closing stops instead of waiting for. SolrJ's own pool is awaited on close, a
 * minute and, after an interrupt, another, and then it throws: in a run of
 * SolrNodeFailureTest one of its threads, left by a node that was stopped, ignored the
 * interrupt, and closing the index failed two minutes late, after every result was in.
 */
final class SolrNodeClient extends HttpJdkSolrClient {

    private static final AtomicInteger THREADS = new AtomicInteger();

    /** {@code executor} as given: SolrJ's close sets its own field to null. */
    private final ExecutorService workers;

    private SolrNodeClient(String url, Builder builder, ExecutorService workers) {
        super(url, builder);
        this.workers = workers;
    }

    /** A client of the node (or collection) at {@code url}. */
    static SolrNodeClient connect(String url) {
        return connect(url, workers());
    }

    /** The same, its HTTP exchanges run on {@code workers}, which closing the client stops. */
    static SolrNodeClient connect(String url, ExecutorService workers) {
        return new SolrNodeClient(url, new Builder(url)
                .withConnectionTimeout(5, TimeUnit.SECONDS)
                .withRequestTimeout(120, TimeUnit.SECONDS)
                // HTTP/2 over plain HTTP starts with an upgrade HEAD request that can hang
                .useHttp1_1(true)
                .withExecutor(workers), workers);
    }

    @Override
    public void close() throws IOException {
        try {
            super.close();
        } finally {
            // interrupts an exchange still blocked on a dead node; nothing waits for it
            workers.shutdownNow();
        }
    }

    /** Daemon threads, made as exchanges need them and ended when idle for a minute. */
    private static ExecutorService workers() {
        ThreadFactory factory = task -> {
            Thread thread = new Thread(task, "lorebot-solr-http-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        return new ThreadPoolExecutor(0, 256, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), factory);
    }
}
