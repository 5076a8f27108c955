package org.lorebot.bot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** {@code lorebot explain} and {@code lorebot rules}, run in-process. */
class ExplainCommandTest {

    private static String[] run(String... args) {
        CommandLine cl = Lorebot.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new String[] {String.valueOf(exit), out.toString(), err.toString()};
    }

    @Test
    void explainPrintsExplanationFixAndSources() {
        String[] r = run("explain", "dma006");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].startsWith("DMA006 (error): GFP_DMA32/__GFP_HIGHMEM reaches a metadata kmalloc"), r[1]);
        assertTrue(r[1].contains("\nFix:\n  Remove the flag."), r[1]);
        assertTrue(r[1].contains("\nSources:\n"), r[1]);
        assertTrue(r[1].contains("  https://lore.kernel.org/r/20220609154456.2871672-1-Frank.Li@nxp.com\n"), r[1]);
        assertTrue(r[1].contains("  8659ab3d936f\n"), r[1]);
        for (String line : r[1].split("\n")) {
            assertTrue(line.length() <= 72 || !line.contains(" "), "wrapped at 72: " + line);
        }
    }

    @Test
    void explainRefusesUnknownRules() {
        String[] r = run("explain", "DMA026");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("unknown rule 'DMA026'"), r[2]);
    }

    @Test
    void rulesListsAllTwentyFive() {
        String[] r = run("rules");
        assertEquals("0", r[0]);
        String[] lines = r[1].split("\n");
        assertEquals(25, lines.length);
        assertEquals("DMA001  warning  Zone modifier passed to a coherent DMA allocator", lines[0]);
        assertTrue(lines[24].startsWith("DMA025  warning  "), lines[24]);
    }
}
