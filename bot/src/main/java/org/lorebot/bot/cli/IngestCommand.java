package org.lorebot.bot.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.lorebot.bot.lock.DataDirectoryLock;
import org.lorebot.config.InboxConfig;
import org.lorebot.config.LorebotConfig;
import org.lorebot.index.MailIndex;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lorebot ingest}: reads archives into the index. */
@Command(name = "ingest", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Reads mail archives into the index: only what is new since the last run.",
            "A SOURCE is a public-inbox v2 inbox, a bare epoch repository, a v1 inbox or an mbox"
                + " (.gz too). Its list name (what l: and the 'list' field refer to) is the directory"
                + " or file name without extension unless --list is given.",
            "With no SOURCE, the inboxes of the configuration are ingested (with --list, only that one)."
        })
public final class IngestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions options;

    @Option(names = "--list", paramLabel = "NAME",
            description = "List name to ingest the SOURCEs as; with no SOURCE, the configured inbox to ingest.")
    String list;

    @Parameters(paramLabel = "SOURCE", arity = "0..*", description = "Archives to ingest.")
    List<Path> sources = new ArrayList<>();

    /** One archive and the list it is ingested as. */
    private record Job(String list, Path archive) {
    }

    @Override
    public Integer call() throws Exception {
        LorebotConfig config = options.load();
        try (DataDirectoryLock lock = DataDirectoryLock.acquire(config.core().data())) {
            return ingest(config);
        }
    }

    private int ingest(LorebotConfig config) throws IOException {
        List<Job> jobs = sources.isEmpty() ? configured(config) : given();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Ingestion ingestion = new Ingestion(out, err);
        int failed = 0;
        try (MailIndex index = IndexAccess.open(config)) {
            for (Job job : jobs) {
                if (ingestion.ingest(index, job.list(), job.archive()).isEmpty()) {
                    failed++;
                }
            }
        } finally {
            // a first ingest that read nothing leaves no empty index behind to be searched
            IndexAccess.removeIfEmpty(config);
        }
        return failed == 0 ? Lorebot.EXIT_OK : Lorebot.EXIT_USAGE;
    }

    private List<Job> given() {
        List<Job> jobs = new ArrayList<>();
        for (Path source : sources) {
            String name = list != null ? ListNames.check(list, "--list")
                    : ListNames.check(ListNames.fromSource(source), "the list name of " + source);
            jobs.add(new Job(name, source));
        }
        return jobs;
    }

    private List<Job> configured(LorebotConfig config) {
        List<InboxConfig> inboxes = config.inboxes();
        if (list != null) {
            InboxConfig inbox = config.inbox(list).orElseThrow(() -> new InputException(
                    "no inbox '" + list + "' in " + describe(config)));
            inboxes = List.of(inbox);
        }
        if (inboxes.isEmpty()) {
            throw new InputException("nothing to ingest: give a SOURCE, or configure [inbox \"NAME\"] sections in "
                    + describe(config));
        }
        return inboxes.stream().map(i -> new Job(i.name(), i.path())).toList();
    }

    static String describe(LorebotConfig config) {
        return config.source() == null ? "the configuration (none given: see --config)"
                : config.source().toString();
    }
}
