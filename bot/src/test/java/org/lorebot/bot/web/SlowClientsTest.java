package org.lorebot.bot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archive keeps answering while strangers hold connections open: clients that connect and
 * send nothing, or send a request a byte at a time, cost a socket each, not a worker, and are
 * dropped once the header time is up.
 */
class SlowClientsTest {

    private static final String REQUEST = "GET /linux-mtd/ HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: slow\r\n\r\n";
    private static final ServerLimits LIMITS = ServerLimits.DEFAULT.withHeaderTimeout(Duration.ofSeconds(2));

    @TempDir
    Path dir;

    @Test
    void fiveHundredStalledClientsDoNotKeepOthersWaiting() throws Exception {
        try (TestArchive archive = TestArchive.start(dir, List.of())) {
            String page = archive.base() + "/linux-mtd/" + TestArchive.PATCH_ID + "/";
            assertEquals(200, Http.get(page).statusCode(), "warm");
            List<Socket> stalled = new ArrayList<>();
            try {
                for (int i = 0; i < 500; i++) {
                    Socket s = new Socket("127.0.0.1", archive.server.port());
                    if (i % 2 == 0) {
                        // half send part of a request and stop; the others send nothing
                        s.getOutputStream().write(REQUEST.substring(0, 1 + i % 30).getBytes(StandardCharsets.US_ASCII));
                        s.getOutputStream().flush();
                    }
                    stalled.add(s);
                }
                long start = System.nanoTime();
                HttpResponse<byte[]> r = Http.get(page);
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertEquals(200, r.statusCode());
                assertTrue(Http.text(r).contains("allocate the bounce buffer coherent"));
                assertTrue(millis < 1_000, "answered in " + millis + " ms with 500 stalled clients");
            } finally {
                for (Socket s : stalled) {
                    s.close();
                }
            }
        }
    }

    @Test
    void aClientTricklingItsHeaderIsDroppedAfterTheHeaderTime() throws Exception {
        try (TestArchive archive = TestArchive.start(dir, List.of(), LIMITS);
             Socket s = new Socket("127.0.0.1", archive.server.port())) {
            // a byte every 200 ms: never idle, so an idle timeout alone would keep it for ever
            s.setSoTimeout(200);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            byte[] request = REQUEST.getBytes(StandardCharsets.US_ASCII);
            long start = System.nanoTime();
            boolean dropped = false;
            for (int i = 0; i < request.length - 1 && !dropped; i++) {
                try {
                    out.write(request[i]);
                    out.flush();
                    dropped = in.read() == -1;
                } catch (SocketTimeoutException stillOpen) {
                    // nothing from the server yet: go on trickling
                } catch (IOException reset) {
                    dropped = true;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            assertTrue(dropped, "still connected after " + seconds + " s of a trickled header");
            assertTrue(seconds >= 1.5 && seconds < 5, "dropped after " + seconds + " s; header time is 2 s");
        }
    }

    @Test
    void aSilentClientIsDroppedAndAPromptOneServedTwice() throws Exception {
        try (TestArchive archive = TestArchive.start(dir, List.of(), LIMITS);
             Socket silent = new Socket("127.0.0.1", archive.server.port())) {
            silent.setSoTimeout(6_000);
            long start = System.nanoTime();
            assertEquals(-1, silent.getInputStream().read(), "closed without an answer");
            double seconds = (System.nanoTime() - start) / 1e9;
            assertTrue(seconds >= 1.5 && seconds < 5, "dropped after " + seconds + " s");

            try (Socket prompt = new Socket("127.0.0.1", archive.server.port())) {
                prompt.setSoTimeout(5_000);
                String twice = REQUEST.replace("/linux-mtd/ ", "/linux-mtd/" + TestArchive.PATCH_ID + "/raw ")
                        + REQUEST.replace("\r\n\r\n", "\r\nConnection: close\r\n\r\n");
                prompt.getOutputStream().write(twice.getBytes(StandardCharsets.US_ASCII));
                String answers = new String(prompt.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertEquals(2, answers.split("HTTP/1\\.1 200 ", -1).length - 1, answers);
            }
        }
    }
}
