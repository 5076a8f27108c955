package org.lorebot.bot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lorebot.bot.cli.Lorebot;

import picocli.CommandLine;

/** {@code lorebot serve}: serves an ingested data directory; says clearly what is wrong. */
class ServeCommandTest {

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Lorebot.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void helpNamesTheOptions() {
        Run help = run("serve", "--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().contains("--listen=HOST:PORT"), help.out());
    }

    @Test
    void withoutAnIndexItSaysSoAndExitsTwo() {
        Run r = run("serve", "--data", dir.resolve("empty").toString(), "--listen", "127.0.0.1:0");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("no index in"), r.err());
    }

    @Test
    void aBadListenAddressExitsTwo() {
        Run r = run("serve", "--data", dir.toString(), "--listen", "127.0.0.1:http");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("'http' is not a number"), r.err());
    }

    @Test
    void servesTheDataDirectoryUntilStopped() throws Exception {
        Path data;
        try (TestArchive archive = TestArchive.start(dir.resolve("a"), List.of())) {
            data = archive.config.core().data();
        }
        StringWriter out = new StringWriter();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread serving = new Thread(() -> {
            CommandLine cl = Lorebot.commandLine();
            cl.setOut(new PrintWriter(out, true));
            exit.set(cl.execute("serve", "--data", data.toString(), "--listen", "127.0.0.1:0"));
        });
        serving.start();
        Pattern serving35 = Pattern.compile("serving 35 messages at (http://\\S+/)");
        Matcher url = serving35.matcher("");
        for (int i = 0; i < 400 && !url.find(); i++) {
            Thread.sleep(50);
            url = serving35.matcher(out.toString());
        }
        assertTrue(url.find(0), out.toString());
        String page = Http.text(Http.get(url.group(1) + "linux-mtd/"));
        assertTrue(page.contains("routine cleanup number 30"), page);
        serving.interrupt();
        serving.join(10_000);
        assertEquals(0, exit.get());
    }
}
