package org.lorebot.bot.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.lorebot.config.LorebotConfig;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lorebot run}: the service. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Runs lorebot: fetches and ingests the configured inboxes every [review] poll-interval.",
            "With no configuration at all, ingests the built-in sample archive (real list mail shipped"
                + " in the jar) into ./lorebot-data and shows a search and a thread."
        })
public final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions options;

    @Option(names = "--once", description = "Do one round and exit instead of running until stopped.")
    boolean once;

    @Override
    public Integer call() throws Exception {
        if (options.configFile() == null) {
            Path data = options.data != null ? options.data : Path.of("lorebot-data");
            String shown = options.data != null ? options.data.toString() : "./lorebot-data";
            return new SampleDemo(spec.commandLine().getOut(), spec.commandLine().getErr()).run(data, shown);
        }
        LorebotConfig config = options.load();
        return new Updater(spec.commandLine().getOut(), spec.commandLine().getErr()).run(config, once);
    }
}
