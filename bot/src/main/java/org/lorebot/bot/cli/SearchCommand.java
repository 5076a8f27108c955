package org.lorebot.bot.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import org.lorebot.config.LorebotConfig;
import org.lorebot.index.MailIndex;
import org.lorebot.index.query.QuerySyntaxException;
import org.lorebot.index.search.SearchHit;
import org.lorebot.index.search.SearchResults;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lorebot search}: lore's query language over the index. */
@Command(name = "search", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Searches the index with public-inbox's query language (s: f: t: c: a: b: bs: nq: q: m:"
                + " d: dt: rt: l: n: dfn: dfa: dfb: dfhh: dfctx: dfpre: dfpost: patchid:), newest first.",
            "Prints date (UTC), sender, subject and Message-ID, one message a line."
        })
public final class SearchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions options;

    @Option(names = "--json", description = "One JSON object per line: message_id, subject, from, date, thread, list.")
    boolean json;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20",
            description = "Print at most N messages; 0 prints all (default: ${DEFAULT-VALUE}).")
    int limit;

    @Parameters(paramLabel = "QUERY", arity = "1..*",
            description = "The query; several words are joined with spaces, e.g. dfb:GFP_DMA s:PATCH")
    List<String> words;

    @Override
    public Integer call() throws Exception {
        if (limit < 0) {
            throw new ParameterException(spec.commandLine(), "--limit must be 0 (all) or more, not " + limit);
        }
        String query = String.join(" ", words).trim();
        if (query.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "the query is empty");
        }
        LorebotConfig config = options.load();
        SearchResults results;
        try (MailIndex index = IndexAccess.openExisting(config)) {
            results = index.search(query, 0, limit);
        } catch (QuerySyntaxException e) {
            throw new InputException("bad query: " + e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        HitFormatter formatter = new HitFormatter();
        for (SearchHit hit : results.hits()) {
            out.println(json ? formatter.json(hit) : formatter.text(hit));
        }
        out.flush();
        if (!json) {
            PrintWriter err = spec.commandLine().getErr();
            if (results.total() > results.hits().size()) {
                err.println(results.hits().size() + " of " + results.total()
                        + " matches shown (--limit 0 shows all)");
            } else if (results.total() == 0) {
                err.println("no matches");
            }
            err.flush();
        }
        return Lorebot.EXIT_OK;
    }
}
