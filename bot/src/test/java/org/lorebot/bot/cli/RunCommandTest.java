package org.lorebot.bot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {

    @TempDir
    Path dir;

    @Test
    void withoutConfigRunDemonstratesTheBuiltInSample() {
        Path data = dir.resolve("lorebot-data");
        CommandRun run = CommandRun.lorebot("run", "--data", data.toString());
        assertEquals(0, run.exit(), run.toString());
        List<String> lines = run.outLines();
        assertEquals("lorebot: no config given; using the built-in sample archive (dry-run, data in " + data + ")",
                lines.get(0));

        // every list of the sample is ingested completely
        for (SampleArchive.SampleList list : SampleArchive.lists()) {
            assertTrue(run.out().contains("\n" + list.name() + ": added " + list.messages() + ", removed 0,"),
                    list + "\n" + run);
        }

        int search = lines.indexOf(lines.stream().filter(l -> l.startsWith("$ lorebot search dfb:GFP_DMA")).findFirst()
                .orElseThrow(() -> new AssertionError("no search shown:\n" + run)));
        assertTrue(lines.get(search + 1).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d  .*<.+@.+>"), run.toString());

        int thread = lines.indexOf(lines.stream().filter(l -> l.startsWith("$ lorebot thread ")).findFirst()
                .orElseThrow(() -> new AssertionError("no thread shown:\n" + run)));
        String shown = lines.get(thread).substring("$ lorebot thread ".length());
        assertTrue(lines.subList(thread + 1, lines.size()).stream().anyMatch(l -> l.startsWith("* ") && l.endsWith("<" + shown + ">")),
                run.toString());
        assertTrue(lines.subList(thread + 1, lines.size()).stream().anyMatch(l -> l.contains("  Re: ")),
                "the thread shown has replies:\n" + run);

        // and what it ingested stays searchable
        CommandRun again = CommandRun.lorebot("search", "--data", data.toString(), "--json", "l:linux-mtd");
        assertEquals(20, again.outLines().size(), again.toString());
    }

    @Test
    void runningTheSampleAgainAddsNothing() {
        Path data = dir.resolve("lorebot-data");
        assertEquals(0, CommandRun.lorebot("run", "--data", data.toString()).exit());
        CommandRun second = CommandRun.lorebot("run", "--data", data.toString());
        assertEquals(0, second.exit(), second.toString());
        for (SampleArchive.SampleList list : SampleArchive.lists()) {
            assertTrue(second.out().contains("\n" + list.name() + ": added 0, removed 0, duplicates 0,"), second.toString());
        }
    }
}
