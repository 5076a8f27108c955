package org.lorebot.bot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No page dies from what a stranger can send or post: a query nested 5,000 deep and a message
 * with 10,000 References get an answer, and the log gets no stack trace for them.
 */
class DeepInputTest {

    private static final String ROOT = "root@example.org";
    private static final String DEEP = "deep-refs@example.org";

    @TempDir
    static Path dir;
    private static MboxArchive archive;
    private static String base;

    @BeforeAll
    static void serve() throws Exception {
        StringBuilder refs = new StringBuilder("<" + ROOT + ">");
        for (int i = 0; i < 10_000; i++) {
            refs.append("\n <ghost-").append(i).append("@example.org>");
        }
        String root = "From: Root <root@example.org>\nSubject: [PATCH] root\nDate: Mon, 1 Jan 2024 10:00:00 +0000\n"
                + "Message-ID: <" + ROOT + ">\n\nroot body\n";
        String deep = "From: Deep <deep@example.org>\nSubject: Re: [PATCH] root\nDate: Mon, 1 Jan 2024 11:00:00 +0000\n"
                + "Message-ID: <" + DEEP + ">\nIn-Reply-To: <ghost-9999@example.org>\nReferences: " + refs + "\n\n"
                + "deep reply\n";
        archive = MboxArchive.serve(dir, "deep", List.of(root, deep));
        base = archive.base();
    }

    @AfterAll
    static void stop() throws Exception {
        archive.close();
    }

    @Test
    void aQueryNestedFiveThousandDeepIsABadRequestOfOneLine() {
        String nested = "(".repeat(5_000) + "root" + ")".repeat(5_000);
        String log = capturingStderr(() -> {
            HttpResponse<byte[]> page = Http.get(base + "/deep/?q=" + nested);
            assertEquals(400, page.statusCode());
            String error = Http.text(page).replaceAll("(?s).*<p class=\"error\">", "").replaceAll("(?s)</p>.*", "");
            assertFalse(error.isBlank() || error.contains("\n"), "one line: " + error);
            HttpResponse<byte[]> api = Http.get(base + "/api/search?q=" + nested);
            assertEquals(400, api.statusCode());
            assertTrue(Http.text(api).startsWith("{\"error\":"), Http.text(api));
        });
        assertFalse(log.contains("\tat "), "no stack trace in the log:\n" + log);
    }

    @Test
    void everyPageOfAThreadWithTenThousandReferencesAnswers() {
        String log = capturingStderr(() -> {
            for (String page : List.of("/", "/raw", "/T/", "/t/", "/t.mbox.gz", "/t.atom")) {
                HttpResponse<byte[]> r = Http.get(base + "/deep/" + DEEP + page);
                assertEquals(200, r.statusCode(), page + ": " + Http.text(r).lines().limit(20).toList());
            }
            assertTrue(Http.text(Http.get(base + "/deep/" + DEEP + "/")).contains("deep reply"));
            assertEquals(200, Http.get(base + "/deep/").statusCode(), "the inbox's index");
            assertEquals(200, Http.get(base + "/deep/?q=deep").statusCode(), "a search finding it");
        });
        assertFalse(log.contains("\tat "), "no stack trace in the log:\n" + log);
    }

    /** What the server logged (slf4j-simple writes to the System.err of the moment) while {@code action} ran. */
    private static String capturingStderr(Runnable action) {
        PrintStream before = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(before);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        before.print(log);
        return log;
    }
}
