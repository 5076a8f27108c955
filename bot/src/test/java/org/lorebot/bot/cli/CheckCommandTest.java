package org.lorebot.bot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** {@code lorebot check} run in-process on the labelled real messages. */
class CheckCommandTest {
    /** The labelled corpus kept with the analyzers' tests. */
    private static final Path CORPUS = Path.of("../analyzers/src/test/resources/corpus/labeled");

    @TempDir
    Path tmp;

    private record Run(int exit, String out, String err) { }

    private static Run run(String... args) {
        CommandLine cl = Lorebot.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static String corpus(String name) {
        return CORPUS.resolve(name).toString();
    }

    @Test
    void aPatchWithFindingsPrintsThemLikeCheckpatchAndExitsOne() {
        Run r = run("check", corpus("019-n64-fbdev-n64rdp-driver.eml"));
        assertEquals(1, r.exit, r.err);
        assertTrue(r.out.contains("drivers/video/fbdev/n64rdp.c:115: warning: DMA001: GFP_DMA passed to dma_alloc_coherent()"),
                r.out);
        assertTrue(r.out.contains("+\tinfo->screen_base = dma_alloc_coherent(&pdev->dev, W * H * 2, &addr,\n"
                + "+\t\t\t\t\t       GFP_DMA | GFP_KERNEL);\n"), "the offending lines are quoted:\n" + r.out);
        assertTrue(r.out.contains("\nfix: Remove the zone modifier."), r.out);
        assertTrue(r.out.endsWith("total: 0 errors, 1 warnings, 1 checks, "
                + lineCount(corpus("019-n64-fbdev-n64rdp-driver.eml")) + " lines checked\n"), r.out);
    }

    @Test
    void eachFindingCarriesCheckpatchsMarkerPointingAtItsLineInTheMail() throws Exception {
        String file = corpus("019-n64-fbdev-n64rdp-driver.eml");
        Run r = run("check", file);
        List<String> mail = Files.readAllLines(Path.of(file), StandardCharsets.ISO_8859_1);
        Matcher m = Pattern
                .compile("(?m)^#(\\d+): FILE: (\\S+):(\\d+):\n(.*)$").matcher(r.out);
        int markers = 0;
        while (m.find()) {
            markers++;
            String marked = mail.get(Integer.parseInt(m.group(1)) - 1).replace("\r", "");
            assertTrue(r.out.contains(m.group(2) + ":" + m.group(3) + ": "), "the marker repeats FILE:LINE\n" + r.out);
            assertTrue(m.group(4).startsWith(marked.isEmpty() ? " " : marked.substring(0, 1)) && r.out.contains(marked),
                    "#" + m.group(1) + " is the line '" + marked + "' of the mail, which is quoted\n" + r.out);
        }
        assertEquals(2, markers, "one marker per finding\n" + r.out);
        assertTrue(r.out.matches("(?s).*\ntotal: \\d+ errors, \\d+ warnings, \\d+ checks, \\d+ lines checked\n"), r.out);
    }

    private static int lineCount(String file) {
        try {
            return Files.readAllLines(Path.of(file), StandardCharsets.ISO_8859_1).size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void repliesCoversAndFixesGiveNothing() {
        Run r = run("check", corpus("020-n64-fbdev-re-tsbogend.eml"), corpus("018-n64-rfc-cover.eml"),
                corpus("002-bhe-02-moxa-dma-alloc-coherent.eml"), corpus("027-hyperv-fb-re-hch-base64.eml"));
        assertEquals(0, r.exit, r.out + r.err);
        assertTrue(r.out.matches("total: 0 errors, 0 warnings, 0 checks, \\d+ lines checked\n"), r.out);
    }

    @Test
    void minimumSeverityAndIgnoredRulesFilter() {
        assertEquals(0, run("check", "--min-severity", "error", corpus("019-n64-fbdev-n64rdp-driver.eml")).exit);
        assertEquals(1, run("check", "--min-severity", "warning", corpus("019-n64-fbdev-n64rdp-driver.eml")).exit);
        Run ignored = run("check", "--ignore", "DMA001,dma024", corpus("019-n64-fbdev-n64rdp-driver.eml"));
        assertEquals(0, ignored.exit, ignored.out);
    }

    @Test
    void jsonNamesInputMessageAndRule() throws Exception {
        Run r = run("check", "--json", corpus("055-cdns3-trb-pool-dma-pool-dma32.eml"), corpus("013-bhe-re17-kuba.eml"));
        assertEquals(1, r.exit, r.err);
        JsonNode array = new ObjectMapper().readTree(r.out);
        assertEquals(1, array.size(), r.out);
        JsonNode f = array.get(0);
        assertEquals(corpus("055-cdns3-trb-pool-dma-pool-dma32.eml"), f.get("input").asText());
        assertEquals("DMA006", f.get("rule").asText());
        assertEquals("error", f.get("severity").asText());
        assertEquals("drivers/usb/cdns3/cdns3-gadget.c", f.get("file").asText());
        assertTrue(f.get("line").asInt() > 0);
        assertTrue(f.get("message_id").asText().contains("@"), f.toString());
        assertTrue(f.get("message").asText().contains("GFP_DMA32"));
        assertTrue(f.get("lines").size() >= 1);
    }

    @Test
    void severalInputsArePrefixedWithTheirName() {
        Run r = run("check", corpus("074-vioverlay-kzalloc-gfp-dma32.eml"), corpus("012-bhe-re14-hch-looks-good.eml"));
        assertEquals(1, r.exit);
        assertTrue(r.out.contains(corpus("074-vioverlay-kzalloc-gfp-dma32.eml") + ": drivers/media/platform/vioverlay.c:1283: error: DMA007: "),
                r.out);
    }

    @Test
    void anMboxOfSeveralMessagesIsCheckedMessageByMessage() throws Exception {
        Path mbox = tmp.resolve("series.mbox");
        StringBuilder sb = new StringBuilder();
        for (String name : List.of("018-n64-rfc-cover.eml", "021-n64-sound-driver.eml", "023-n64-cart-v2-re-kbusch.eml")) {
            sb.append("From mboxrd@z Thu Jan  1 00:00:00 1970\n");
            String text = Files.readString(CORPUS.resolve(name), StandardCharsets.ISO_8859_1).replace("\r\n", "\n");
            sb.append(text.replaceAll("(?m)^(>*From )", ">$1"));
            if (!text.endsWith("\n")) {
                sb.append('\n');
            }
        }
        Files.writeString(mbox, sb, StandardCharsets.ISO_8859_1);
        Run r = run("check", mbox.toString());
        assertEquals(1, r.exit, r.err);
        assertTrue(r.out.contains(mbox + ": sound/mips/snd-n64.c:238: warning: DMA001: "), r.out);
        assertTrue(r.out.contains("total: 0 errors, 1 warnings, 1 checks, "), r.out);
    }

    @Test
    void aGitFormatPatchFileWithoutMessageIdAndStandardInput() {
        String patch = "From 0123456789abcdef0123456789abcdef01234567 Mon Sep 17 00:00:00 2001\n"
                + "From: A Developer <dev@example.org>\n"
                + "Date: Tue, 1 Mar 2022 10:00:00 +0100\n"
                + "Subject: [PATCH] foo: allocate the ring below 4 GiB\n\n"
                + "Signed-off-by: A Developer <dev@example.org>\n---\n"
                + " drivers/foo/foo.c | 2 +-\n 1 file changed, 1 insertion(+), 1 deletion(-)\n\n"
                + "diff --git a/drivers/foo/foo.c b/drivers/foo/foo.c\n"
                + "index 1111111..2222222 100644\n--- a/drivers/foo/foo.c\n+++ b/drivers/foo/foo.c\n"
                + "@@ -10,3 +10,3 @@ static int foo_probe(struct platform_device *pdev)\n"
                + " \tpriv->ring = dma_pool_alloc(priv->pool,\n"
                + "-\t\t\t\t    GFP_KERNEL,\n"
                + "+\t\t\t\t    GFP_KERNEL | GFP_DMA32,\n"
                + " \t\t\t\t    &priv->ring_dma);\n"
                + "-- \n2.35.1\n\n";
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream(patch.getBytes(StandardCharsets.UTF_8)));
            Run r = run("check", "--json", "-");
            assertEquals(1, r.exit, r.err);
            assertTrue(r.out.contains("\"rule\" : \"DMA006\""), r.out);
            assertTrue(r.out.contains("\"message_id\" : null"), r.out);
            assertTrue(r.out.contains("\"input\" : \"-\""), r.out);
        } finally {
            System.setIn(stdin);
        }
    }

    @Test
    void aFormatFlowedPatchIsUnflowedAsGitAmDoes() throws Exception {
        // Thunderbird's default: the added line is broken after "GFP_KERNEL |", context lines
        // are space-stuffed. Read as sent, the hunk would end at the broken line.
        Path mail = Files.writeString(tmp.resolve("flowed.eml"), """
                From: A Developer <dev@example.org>
                Subject: [PATCH] foo: allocate the ring below 4 GiB
                Message-ID: <flowed@example.org>
                MIME-Version: 1.0
                Content-Type: text/plain; charset=UTF-8; format=flowed

                ---
                diff --git a/drivers/foo/foo.c b/drivers/foo/foo.c
                --- a/drivers/foo/foo.c
                +++ b/drivers/foo/foo.c
                @@ -1,3 +1,3 @@
                  int a;
                -\tp = kmalloc(4, GFP_KERNEL);
                +\tp = kmalloc(4, GFP_KERNEL |\s
                GFP_DMA32);
                  int b;
                """);
        Run r = run("check", "--min-severity", "error", mail.toString());
        assertEquals(1, r.exit, r.out + r.err);
        assertTrue(r.out.contains("drivers/foo/foo.c:2: error: DMA007: "), r.out);
    }

    @Test
    void aBareDiffIsCheckedToo() throws Exception {
        Path diff = tmp.resolve("change.diff");
        Files.writeString(diff, "diff --git a/drivers/foo/foo.c b/drivers/foo/foo.c\n--- a/drivers/foo/foo.c\n"
                + "+++ b/drivers/foo/foo.c\n@@ -1,1 +1,1 @@\n-\tp = kmalloc(4, GFP_KERNEL);\n"
                + "+\tp = kmalloc(4, GFP_KERNEL | GFP_DMA32);\n");
        Run r = run("check", "--min-severity", "error", diff.toString());
        assertEquals(1, r.exit, r.out + r.err);
        assertTrue(r.out.startsWith("drivers/foo/foo.c:1: error: DMA007: "), r.out);
    }

    @Test
    void unreadableInputAndBadUsageExitTwoNamingTheProblem() {
        Run missing = run("check", tmp.resolve("nope.eml").toString(), corpus("012-bhe-re14-hch-looks-good.eml"));
        assertEquals(2, missing.exit);
        assertTrue(missing.err.contains("nope.eml: no such file"), missing.err);
        Run alone = run("check", tmp.resolve("nope.eml").toString());
        assertEquals(2, alone.exit);
        assertEquals("", alone.out, "a file that does not exist gets the error and no total");
        Run dir = run("check", tmp.toString());
        assertEquals(2, dir.exit);
        assertTrue(dir.err.contains("is a directory"), dir.err);
        Run severity = run("check", "--min-severity", "loud", corpus("012-bhe-re14-hch-looks-good.eml"));
        assertEquals(2, severity.exit);
        assertTrue(severity.err.contains("unknown severity 'loud'"), severity.err);
        Run rule = run("check", "--ignore", "DMA999", corpus("012-bhe-re14-hch-looks-good.eml"));
        assertEquals(2, rule.exit);
        assertTrue(rule.err.contains("unknown rule 'DMA999'"), rule.err);
        assertEquals(2, run("check").exit, "a FILE is required");
    }
}
