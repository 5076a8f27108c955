package org.lorebot.bot.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.lorebot.config.InboxConfig;
import org.lorebot.config.LorebotConfig;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lorebot fetch}: mirrors the configured inboxes and ingests what is new. */
@Command(name = "fetch", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Clones or fetches the epochs of each configured inbox that has a url into its path"
                + " (only the missing objects travel), then ingests what is new.",
            "With LISTs, only those inboxes."
        })
public final class FetchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions options;

    @Parameters(paramLabel = "LIST", arity = "0..*", description = "Inbox names from the configuration.")
    List<String> lists = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        LorebotConfig config = options.load();
        List<InboxConfig> inboxes = new ArrayList<>();
        if (lists.isEmpty()) {
            inboxes.addAll(config.inboxes().stream().filter(InboxConfig::fetchable).toList());
            if (inboxes.isEmpty()) {
                throw new InputException("nothing to fetch: no [inbox \"NAME\"] with a url in "
                        + IngestCommand.describe(config));
            }
        } else {
            for (String name : lists) {
                InboxConfig inbox = config.inbox(name).orElseThrow(() -> new InputException(
                        "no inbox '" + name + "' in " + IngestCommand.describe(config)));
                if (!inbox.fetchable()) {
                    throw new InputException("inbox '" + name + "' has no url to fetch from (set inbox."
                            + name + ".url)");
                }
                inboxes.add(inbox);
            }
        }
        int failed = new Updater(spec.commandLine().getOut(), spec.commandLine().getErr()).update(config, inboxes);
        return failed == 0 ? Lorebot.EXIT_OK : Lorebot.EXIT_USAGE;
    }
}
