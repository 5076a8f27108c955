package org.lorebot.bot.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.lorebot.bot.fetch.FetchPolicy;
import org.lorebot.bot.lock.DataDirectoryLock;
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
        try (DataDirectoryLock lock = DataDirectoryLock.acquire(config.core().data())) {
            return fetch(config);
        }
    }

    private int fetch(LorebotConfig config) throws IOException {
        List<InboxConfig> inboxes = new ArrayList<>();
        if (lists.isEmpty()) {
            inboxes.addAll(config.inboxes().stream().filter(FetchPolicy::fetches).toList());
            if (inboxes.isEmpty()) {
                throw new InputException("nothing to fetch: no [inbox \"NAME\"] in " + IngestCommand.describe(config)
                        + " is a mirror (a url and no archive of its own at its path, or fetch = true)");
            }
        } else {
            for (String name : lists) {
                InboxConfig inbox = config.inbox(name).orElseThrow(() -> new InputException(
                        "no inbox '" + name + "' in " + IngestCommand.describe(config)));
                if (inbox.url() == null) {
                    throw new InputException("inbox '" + name + "' has no url to fetch from (set inbox."
                            + name + ".url)");
                }
                if (!inbox.fetchable()) {
                    throw new InputException("inbox '" + name + "' is not fetched (inbox." + name + ".fetch = false)");
                }
                if (!FetchPolicy.fetches(inbox)) {
                    throw new InputException("inbox '" + name + "' is a local archive, not a mirror: " + inbox.path()
                            + " was not cloned by lorebot (set inbox." + name + ".fetch = true to fetch into it)");
                }
                inboxes.add(inbox);
            }
        }
        int failed = new Updater(spec.commandLine().getOut(), spec.commandLine().getErr()).update(config, inboxes);
        return failed == 0 ? Lorebot.EXIT_OK : Lorebot.EXIT_USAGE;
    }
}
