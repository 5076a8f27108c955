package org.lorebot.bot.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.lorebot.analyzers.rules.Rule;
import org.lorebot.analyzers.rules.RuleCatalog;
import org.lorebot.bot.review.TextWrap;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lorebot explain DMA0NN}: why a rule exists, what to do instead, and the sources. */
@Command(name = "explain",
        mixinStandardHelpOptions = true,
        description = "Explain a DMA rule: why it matters, the fix, and where the facts come from.")
public final class ExplainCommand implements Callable<Integer> {

    private static final String LORE = "https://lore.kernel.org/r/";

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RULE", description = "A rule id such as DMA009 (see 'lorebot rules').")
    String id;

    @Override
    public Integer call() {
        Rule rule = RuleCatalog.standard().find(id).orElseThrow(() ->
                new InputException("unknown rule '" + id + "'; 'lorebot rules' lists them"));
        PrintWriter out = spec.commandLine().getOut();
        TextWrap.fill(rule.id() + " (" + rule.severity().word() + "): " + rule.title(), TextWrap.WIDTH, "", "    ")
                .forEach(out::println);
        out.println();
        TextWrap.fill(rule.explanation()).forEach(out::println);
        out.println();
        out.println("Fix:");
        TextWrap.fill(rule.fix(), TextWrap.WIDTH, "  ", "  ").forEach(out::println);
        out.println();
        out.println("Sources:");
        for (String citation : rule.citations()) {
            out.println("  " + source(citation));
        }
        out.flush();
        return Lorebot.EXIT_OK;
    }

    /** A lore message-id becomes its link; commits and files read as they are. */
    static String source(String citation) {
        return citation.startsWith("lore:") ? LORE + citation.substring("lore:".length()) : citation;
    }
}
