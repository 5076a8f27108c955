package org.lorebot.index.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.impl.InputStreamResponseParser;
import org.apache.solr.client.solrj.request.GenericSolrRequest;
import org.apache.solr.common.util.NamedList;
import org.junit.jupiter.api.Test;

/**
 * Closing a node's client while one of its HTTP worker threads is stuck (as one was, left by a
 * stopped node, in a run of SolrNodeFailureTest): the close returns at once instead of waiting
 * for the thread, and the client still worked until then.
 */
class SolrNodeClientTest {

    @Test
    void closingDoesNotWaitForAWorkerThatIgnoresInterrupts() throws Exception {
        HttpServer node = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        node.createContext("/", exchange -> {
            byte[] body = "{\"response\":{\"numFound\":0}}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        node.start();
        ExecutorService workers = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "stuck-worker-test");
            thread.setDaemon(true);
            return thread;
        });
        CountDownLatch release = new CountDownLatch(1);
        try {
            SolrNodeClient client = SolrNodeClient.connect(
                    "http://127.0.0.1:" + node.getAddress().getPort() + "/solr", workers);
            GenericSolrRequest select = new GenericSolrRequest(SolrRequest.METHOD.GET, "/select");
            select.setResponseParser(new InputStreamResponseParser("json"));
            NamedList<Object> response = client.request(select, "mail");
            try (InputStream body = (InputStream) response.get("stream")) {
                assertNotNull(body);
                assertEquals("{\"response\":{\"numFound\":0}}",
                        new String(body.readAllBytes(), StandardCharsets.UTF_8));
            }

            CountDownLatch stuck = new CountDownLatch(1);
            workers.execute(() -> {
                stuck.countDown();
                while (true) {
                    try {
                        release.await();
                        return;
                    } catch (InterruptedException ignored) {
                        // like a thread blocked where an interrupt does not reach
                    }
                }
            });
            assertTrue(stuck.await(10, TimeUnit.SECONDS));

            long start = System.nanoTime();
            client.close();
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(millis < 5_000, "close waited " + millis + " ms for a stuck worker");
            assertTrue(workers.isShutdown(), "closing the client stops its workers");
        } finally {
            release.countDown();
            node.stop(0);
        }
    }
}
