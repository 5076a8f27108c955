package org.lorebot.bot.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.lorebot.config.LorebotConfig;
import org.lorebot.index.MailIndex;
import org.lorebot.index.search.MessageThread;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lorebot thread}: a whole thread, as a mail reader shows it. */
@Command(name = "thread", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Prints the whole thread holding a message, replies indented under what they answer;"
                + " the message asked for is marked with '*'.",
            "An unknown Message-ID is an error (exit 2)."
        })
public final class ThreadCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions options;

    @Option(names = "--json",
            description = "One JSON object per message: the search fields plus depth, parent and ghost.")
    boolean json;

    @Parameters(paramLabel = "MSGID", description = "A Message-ID of any message of the thread, with or without <>.")
    String messageId;

    @Override
    public Integer call() throws Exception {
        String id = IndexAccess.bareMessageId(messageId);
        LorebotConfig config = options.load();
        MessageThread thread;
        try (MailIndex index = IndexAccess.openExisting(config)) {
            thread = index.thread(id).orElseThrow(
                    () -> new InputException("no message <" + id + "> in the index in " + config.core().data()));
        }
        PrintWriter out = spec.commandLine().getOut();
        ThreadFormatter formatter = new ThreadFormatter(new HitFormatter());
        (json ? formatter.json(thread) : formatter.text(thread, id)).forEach(out::println);
        out.flush();
        return Lorebot.EXIT_OK;
    }
}
