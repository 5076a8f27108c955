package org.lorebot.bot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lorebot.config.LorebotConfig;

import picocli.CommandLine;

class ConfigOptionsTest {

    @TempDir
    Path dir;

    private static ConfigOptions parse(String... args) {
        ConfigOptions options = new ConfigOptions();
        new CommandLine(options).parseArgs(args);
        return options;
    }

    @Test
    void configOptionBeatsEnvironmentWhichBeatsTheWorkingDirectory() throws Exception {
        Files.writeString(dir.resolve("lorebot.conf"), "");
        Path fromEnv = dir.resolve("env.conf");
        Path given = dir.resolve("given.conf");

        assertEquals(given, parse("--config", given.toString())
                .configFile(Map.of(ConfigOptions.ENVIRONMENT, fromEnv.toString()), dir));
        assertEquals(fromEnv, parse().configFile(Map.of(ConfigOptions.ENVIRONMENT, fromEnv.toString()), dir));
        assertEquals(dir.resolve("lorebot.conf"), parse().configFile(Map.of(), dir));
        assertNull(parse().configFile(Map.of(), dir.resolve("elsewhere")));
    }

    @Test
    void dataOptionSetsTheDataDirectoryOfAnEmptyConfiguration() throws Exception {
        Path data = dir.resolve("d");
        LorebotConfig config = parse("--data", data.toString(), "--config", writeEmpty().toString()).load();
        assertEquals(data, config.core().data());
    }

    private Path writeEmpty() throws Exception {
        return Files.writeString(dir.resolve("empty.conf"), "");
    }
}
