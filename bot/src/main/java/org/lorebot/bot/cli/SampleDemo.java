package org.lorebot.bot.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

import org.lorebot.index.MailIndex;
import org.lorebot.index.query.QuerySyntaxException;
import org.lorebot.index.search.MessageThread;
import org.lorebot.index.search.SearchHit;
import org.lorebot.index.search.SearchResults;

/**
 * What {@code lorebot run} does with no configuration at all: ingests the built-in sample archive
 * and shows a search and a thread, so a newcomer sees lorebot work before writing a config.
 */
final class SampleDemo {

    /** Patches that add GFP_DMA: the allocations lorebot reviews. */
    static final String QUERY = "dfb:GFP_DMA";
    private static final int HITS_SHOWN = 10;

    private final PrintWriter out;
    private final PrintWriter err;

    SampleDemo(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    /** Runs the demonstration with its data in {@code data}; {@code shownData} is how to name it. */
    int run(Path data, String shownData) throws IOException {
        out.println("lorebot: no config given; using the built-in sample archive (dry-run, data in "
                + shownData + ")");
        out.flush();
        Ingestion ingestion = new Ingestion(out, err);
        int failed = 0;
        try (MailIndex index = MailIndex.open(data)) {
            for (SampleArchive.SampleList list : SampleArchive.extract(data.resolve("sample"))) {
                if (ingestion.ingest(index, list.name(), list.mbox()).isEmpty()) {
                    failed++;
                }
            }
            showSearchAndThread(index);
        }
        out.println();
        out.println("Try 'lorebot search --data " + shownData + " QUERY' yourself. To follow real lists, write a"
                + " lorebot.conf with [inbox \"NAME\"] sections (see README.md), then 'lorebot fetch'"
                + " and 'lorebot run'.");
        out.flush();
        return failed == 0 ? Lorebot.EXIT_OK : Lorebot.EXIT_USAGE;
    }

    private void showSearchAndThread(MailIndex index) throws IOException {
        SearchResults results;
        try {
            results = index.search(QUERY, 0, HITS_SHOWN);
        } catch (QuerySyntaxException e) {
            throw new IllegalStateException("the sample query does not parse: " + e.getMessage(), e);
        }
        HitFormatter hits = new HitFormatter();
        out.println();
        out.println("$ lorebot search " + QUERY + "    # patches adding GFP_DMA: " + results.total() + " messages");
        results.hits().forEach(hit -> out.println(hits.text(hit)));

        // The longest discussion among the hits makes the better thread view.
        Optional<MessageThread> longest = Optional.empty();
        String selected = null;
        for (SearchHit hit : results.hits()) {
            Optional<MessageThread> thread = index.thread(hit.messageId());
            if (thread.isPresent() && (longest.isEmpty()
                    || thread.get().entries().size() > longest.get().entries().size())) {
                longest = thread;
                selected = hit.messageId();
            }
        }
        if (longest.isPresent()) {
            out.println();
            out.println("$ lorebot thread " + selected);
            new ThreadFormatter(hits).text(longest.get(), selected).forEach(out::println);
        }
        out.flush();
    }
}
