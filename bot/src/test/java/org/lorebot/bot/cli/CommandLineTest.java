package org.lorebot.bot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandLineTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"run", "ingest", "fetch", "search", "thread"})
    void everyCommandHasHelp(String command) {
        CommandRun run = CommandRun.lorebot(command, "--help");
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.out().startsWith("Usage: lorebot " + command), run.toString());
        assertTrue(run.out().contains("--config=FILE"), run.toString());
    }

    @Test
    void searchHelpDocumentsTheLimitDefault() {
        assertTrue(CommandRun.lorebot("search", "--help").out().contains("0 prints all (default: 20)"));
    }

    @Test
    void topLevelHelpListsTheCommands() {
        CommandRun run = CommandRun.lorebot("--help");
        assertEquals(0, run.exit());
        for (String command : new String[] {"run", "ingest", "fetch", "search", "thread"}) {
            assertTrue(run.out().contains("\n  " + command + " "), run.toString());
        }
    }

    /**
     * Issue 11 point 14: plain {@code lorebot} printed help and exited 0; README says usage
     * errors exit 2, and a script that forgot its verb must notice.
     */
    @Test
    void noCommandIsAUsageErrorThatShowsTheHelp() {
        CommandRun run = CommandRun.lorebot();
        assertEquals(Lorebot.EXIT_USAGE, run.exit());
        assertTrue(run.err().startsWith("lorebot: no command given\n"), run.toString());
        assertTrue(run.err().contains("\n  search "), "the help lists the commands: " + run);
        assertEquals("", run.out());
    }

    @Test
    void unknownOptionIsAUsageError() {
        CommandRun run = CommandRun.lorebot("search", "--colour", "x");
        assertEquals(Lorebot.EXIT_USAGE, run.exit());
        assertTrue(run.err().startsWith("lorebot: Unknown option: '--colour'"), run.toString());
        assertTrue(run.err().contains("Try 'lorebot search --help' for more information."), run.toString());
    }

    @Test
    void badConfigurationExitsTwoNamingFileLineAndKey() throws Exception {
        Path config = Files.writeString(dir.resolve("lorebot.conf"), """
                [core]
                    data = d
                [review]
                    grace = 5m
                    min-severity = high
                """);
        for (String command : new String[] {"ingest", "search", "thread", "run"}) {
            String[] args = command.equals("search") || command.equals("thread")
                    ? new String[] {command, "--config", config.toString(), "x@y"}
                    : new String[] {command, "--config", config.toString()};
            CommandRun run = CommandRun.lorebot(args);
            assertEquals(Lorebot.EXIT_USAGE, run.exit(), run.toString());
            assertEquals("lorebot: " + config + ":5: review.min-severity: 'high' is not one of info, warning, error\n",
                    run.err(), command);
        }
    }

    @Test
    void missingConfigurationFileIsAnError() {
        Path missing = dir.resolve("nope.conf");
        CommandRun run = CommandRun.lorebot("ingest", "--config", missing.toString());
        assertEquals(Lorebot.EXIT_USAGE, run.exit());
        assertEquals("lorebot: " + missing + ": no such file\n", run.err());
    }
}
