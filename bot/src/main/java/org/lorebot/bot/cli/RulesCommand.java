package org.lorebot.bot.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.lorebot.analyzers.rules.Rule;
import org.lorebot.analyzers.rules.RuleCatalog;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code lorebot rules}: the DMA rules with their default severity and title. */
@Command(name = "rules",
        mixinStandardHelpOptions = true,
        description = "List the DMA allocator rules: id, default severity and title.")
public final class RulesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (Rule r : RuleCatalog.standard().rules()) {
            out.printf("%s  %-7s  %s%n", r.id(), r.severity().word(), r.title());
        }
        out.flush();
        return Lorebot.EXIT_OK;
    }
}
