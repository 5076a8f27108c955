package org.lorebot.bot.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.lorebot.config.ConfigException;
import org.lorebot.config.LorebotConfig;

import picocli.CommandLine.Option;

/**
 * {@code --config} and {@code --data}, shared by every command that reads the configuration.
 *
 * <p>The configuration file is, in order: {@code --config FILE}, the file named by the
 * environment variable {@code LOREBOT_CONFIG}, {@code ./lorebot.conf} when it exists; with none of
 * them lorebot runs on its built-in defaults. {@code --data} beats {@code [core] data}.
 */
public final class ConfigOptions {

    /** The environment variable naming the configuration file when {@code --config} is not given. */
    public static final String ENVIRONMENT = "LOREBOT_CONFIG";
    /** The file looked for in the working directory when neither is given. */
    public static final String DEFAULT_FILE = "lorebot.conf";

    @Option(names = "--config", paramLabel = "FILE",
            description = "Configuration file (default: $" + ENVIRONMENT + ", else ./" + DEFAULT_FILE
                    + " if present, else built-in defaults).")
    Path config;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Data directory holding the index; beats [core] data (default: ./lorebot-data).")
    Path data;

    /** The configuration file that applies, or null when lorebot runs on built-in defaults. */
    public Path configFile() {
        return configFile(System.getenv(), Path.of(""));
    }

    /** As {@link #configFile()}, for this environment and working directory. */
    Path configFile(Map<String, String> environment, Path workingDirectory) {
        if (config != null) {
            return config;
        }
        String fromEnvironment = environment.get(ENVIRONMENT);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Path.of(fromEnvironment);
        }
        Path local = workingDirectory.resolve(DEFAULT_FILE);
        return Files.isRegularFile(local) ? local : null;
    }

    /** The configuration, with {@code --data} applied. */
    public LorebotConfig load() throws ConfigException {
        Path file = configFile();
        if (file == null) {
            return LorebotConfig.defaults(data != null ? data : Path.of("lorebot-data"));
        }
        return LorebotConfig.load(file, data);
    }
}
