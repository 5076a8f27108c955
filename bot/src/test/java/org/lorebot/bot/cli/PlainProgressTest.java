package org.lorebot.bot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

class PlainProgressTest {

    @Test
    void printsCountPercentageAndRateLines() {
        StringWriter out = new StringWriter();
        PlainProgress progress = new PlainProgress("linux-mtd", 200, new PrintWriter(out), 0);
        progress.update(50);
        progress.update(100);
        progress.close();
        String[] lines = out.toString().split("\n");
        assertEquals(2, lines.length, out.toString());
        assertTrue(lines[0].matches("linux-mtd: 50/200 messages \\(25%\\), \\d+ msgs/s"), lines[0]);
        assertTrue(lines[1].startsWith("linux-mtd: 100/200 messages (50%)"), lines[1]);
    }

    @Test
    void unknownTotalShowsTheCountOnly() {
        StringWriter out = new StringWriter();
        PlainProgress progress = new PlainProgress("sample", -1, new PrintWriter(out), 0);
        progress.update(7);
        assertTrue(out.toString().startsWith("sample: 7 messages, "), out.toString());
    }

    @Test
    void aTotalLearntAsTheJobGoesShowsTheLatest() {
        StringWriter out = new StringWriter();
        PlainProgress progress = new PlainProgress("lkml", -1, new PrintWriter(out), 0);
        progress.update(10, -1);
        progress.update(64, 1000);
        progress.update(500, 980);
        String[] lines = out.toString().split("\n");
        assertTrue(lines[0].startsWith("lkml: 10 messages, "), lines[0]);
        assertTrue(lines[1].startsWith("lkml: 64/1000 messages (6%), "), lines[1]);
        assertTrue(lines[2].startsWith("lkml: 500/980 messages (51%), "), lines[2]);
    }

    @Test
    void staysQuietWithinTheInterval() {
        StringWriter out = new StringWriter();
        PlainProgress progress = new PlainProgress("sample", 10, new PrintWriter(out), Long.MAX_VALUE);
        for (int i = 1; i <= 10; i++) {
            progress.update(i);
        }
        progress.close();
        assertEquals("", out.toString());
    }
}
