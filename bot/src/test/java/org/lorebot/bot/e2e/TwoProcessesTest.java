package org.lorebot.bot.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lorebot.bot.cli.CommandRun;

/**
 * Two lorebot processes on one data directory: a daemon, and a second {@code run --once}
 * started a second later in its own JVM. The second stops at once with exit 2 and names the
 * daemon's pid; {@code ingest} and {@code digest} do the same; {@code search} works beside it.
 * Each of the six patches gets one reply, counted at a real SMTP server.
 */
class TwoProcessesTest {

    /** The labelled corpus's six patches with findings. */
    private static final List<String> PATCHES = List.of("019-n64-fbdev-n64rdp-driver.eml", "021-n64-sound-driver.eml",
            "022-n64-cart-v2-kmalloc-gfp-dma.eml", "026-hyperv-fb-dma-alloc-from-contiguous.eml",
            "055-cdns3-trb-pool-dma-pool-dma32.eml", "074-vioverlay-kzalloc-gfp-dma32.eml");

    @TempDir
    Path dir;

    private GreenMail smtp;
    private Path config;
    private Path data;

    @BeforeEach
    void setUp() throws IOException {
        StringBuilder mbox = new StringBuilder();
        for (String f : PATCHES) {
            mbox.append("From mboxrd@z Thu Jan  1 00:00:00 1970\n").append(Mail.labelled(f)).append('\n');
        }
        Files.writeString(dir.resolve("lkml.mbox"), mbox, StandardCharsets.ISO_8859_1);
        int port = freePort();
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        data = dir.resolve("data");
        config = Files.writeString(dir.resolve("lorebot.conf"), """
                [core]
                    data = data
                [inbox "lkml"]
                    path = lkml.mbox
                    address = linux-kernel@vger.kernel.org
                [review]
                    lists = lkml
                    since = 2000-01-01
                    poll-interval = 1h
                [delivery]
                    mode = send
                    from = lorebot <lorebot@example.org>
                [smtp]
                    host = 127.0.0.1
                    port = %d
                    security = none
                """.formatted(port));
    }

    @AfterEach
    void tearDown() {
        smtp.stop();
    }

    private Process lorebot(Path out, String... args) throws IOException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath, "org.lorebot.bot.cli.Lorebot"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(out.resolveSibling(out.getFileName() + ".err").toFile()).start();
    }

    @Test
    void aSecondLorebotOnTheSameDataStopsAtOnceAndNothingIsSentTwice() throws Exception {
        Path daemonOut = dir.resolve("daemon.txt");
        Process daemon = lorebot(daemonOut, "run", "--config", config.toString());
        try {
            Thread.sleep(1000);
            // the daemon's first step is the lock: wait until it holds it, then start the second
            Path lockFile = data.resolve("lorebot.lock");
            for (int i = 0; i < 600 && daemon.isAlive() && !holds(lockFile, daemon.pid()); i++) {
                Thread.sleep(100);
            }
            assertTrue(holds(lockFile, daemon.pid()), Files.readString(daemonOut));

            Path secondOut = dir.resolve("second.txt");
            Process second = lorebot(secondOut, "run", "--config", config.toString(), "--once");
            assertTrue(second.waitFor(120, TimeUnit.SECONDS));
            assertEquals(2, second.exitValue());
            String expected = "lorebot: " + data + " is in use by another lorebot (pid " + daemon.pid() + ")";
            assertEquals(expected, Files.readString(dir.resolve("second.txt.err")).strip());
            assertEquals("", Files.readString(secondOut));

            for (String command : List.of("ingest", "digest", "fetch")) {
                CommandRun other = CommandRun.lorebot(command, "--config", config.toString());
                assertEquals(2, other.exit(), command + ": " + other);
                assertEquals(expected, other.err().strip(), command);
            }

            // the daemon's first pass is done when its outbox line is out
            for (int i = 0; i < 1200 && daemon.isAlive() && !Files.readString(daemonOut).contains("\noutbox: "); i++) {
                Thread.sleep(100);
            }
            assertTrue(daemon.isAlive(), Files.readString(daemonOut) + Files.readString(dir.resolve("daemon.txt.err")));
            CommandRun search = CommandRun.lorebot("search", "--config", config.toString(), "s:n64");
            assertEquals(0, search.exit(), search.toString());
            assertFalse(search.out().isEmpty(), search.toString());
        } finally {
            daemon.destroy();
            daemon.waitFor(120, TimeUnit.SECONDS);
            daemon.destroyForcibly();
        }

        Map<String, Integer> copies = new HashMap<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            copies.merge(m.getHeader("Message-ID", null), 1, Integer::sum);
        }
        assertEquals(PATCHES.size(), copies.size(), copies.toString());
        for (MimeMessage m : smtp.getReceivedMessages()) {
            // GreenMail keeps one message per recipient: one reply, sent once, is as many copies
            assertEquals(m.getAllRecipients().length, copies.get(m.getHeader("Message-ID", null)),
                    m.getHeader("Message-ID", null));
        }

        // the lock went with the daemon: the next run works, and sends nothing again
        CommandRun next = CommandRun.lorebot("run", "--config", config.toString(), "--once");
        assertEquals(0, next.exit(), next.toString());
        assertEquals(copies.values().stream().mapToInt(Integer::intValue).sum(), smtp.getReceivedMessages().length);
    }

    private static boolean holds(Path lockFile, long pid) throws IOException {
        return Files.exists(lockFile) && Files.readString(lockFile).strip().equals(Long.toString(pid));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
