package org.lorebot.bot.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lorebot.bot.cli.CommandRun;

/**
 * {@code lorebot run} as its own process, serving the web archive beside the daemon, stopped
 * with SIGTERM between passes: it says so and exits, leaving the index and state usable by the
 * next run.
 */
class StopOnSigtermTest {

    @TempDir
    Path dir;

    @Test
    void sigtermStopsTheLoopAndTheNextRunStartsCleanly() throws Exception {
        Files.writeString(dir.resolve("lkml.mbox"), "From mboxrd@z Thu Jan  1 00:00:00 1970\n"
                + Mail.labelled("001-bhe-00-cover-dont-use-kmalloc-gfp-dma.eml") + "\n", StandardCharsets.ISO_8859_1);
        Path config = Files.writeString(dir.resolve("lorebot.conf"), """
                [core]
                    data = data
                [inbox "lkml"]
                    path = lkml.mbox
                [review]
                    poll-interval = 1h
                [web]
                    listen = 127.0.0.1:%d
                """.formatted(freePort()));
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path stdout = dir.resolve("stdout.txt");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath, "org.lorebot.bot.cli.Lorebot", "run", "--config", config.toString())
                .redirectOutput(stdout.toFile())
                .redirectError(dir.resolve("stderr.txt").toFile())
                .start();
        try {
            // the first pass is done when the outbox line is out; the loop then waits an hour
            for (int i = 0; i < 1200 && p.isAlive() && !Files.readString(stdout).contains("\noutbox: "); i++) {
                Thread.sleep(100);
            }
            assertTrue(p.isAlive(), Files.readString(stdout));
            // the web archive is served by the same process
            Matcher web = Pattern.compile("web archive at (http://\\S+)").matcher(Files.readString(stdout));
            assertTrue(web.find(), Files.readString(stdout));
            String base = web.group(1).endsWith("/") ? web.group(1) : web.group(1) + "/";
            HttpResponse<String> page = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(base + "lkml/20220219005221.634-1-bhe@redhat.com/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode(), page.body());
            assertTrue(page.body().contains("GFP_DMA"), page.body());
            p.destroy(); // SIGTERM
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "still running after SIGTERM");
        } finally {
            p.destroyForcibly();
        }
        List<String> lines = Files.readAllLines(stdout);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("lorebot: running, a pass every 3600 s; web archive at")),
                lines.toString());
        String err = Files.readString(dir.resolve("stderr.txt"));
        assertEquals(143, p.exitValue(), lines + "\n" + err); // 128 + SIGTERM, after the hooks ran
        assertTrue(lines.contains("lorebot: stopped after 1 pass"), lines + "\n" + err);

        CommandRun next = CommandRun.lorebot("run", "--config", config.toString(), "--once");
        assertEquals(0, next.exit(), next.toString());
        assertTrue(next.out().contains("lkml: added 0, removed 0, duplicates 0,"), next.toString());
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
