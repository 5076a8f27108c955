package org.lorebot.bot.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.lorebot.config.IndexConfig;
import org.lorebot.config.LorebotConfig;
import org.lorebot.index.solr.SolrSetup;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code lorebot solr init}: creates the archive's collection on a SolrCloud. */
@Command(name = "solr", mixinStandardHelpOptions = true, sortOptions = false,
        subcommands = SolrCommand.Init.class,
        description = "Administers the archive's collection on a SolrCloud ([index] backend = solr).")
public final class SolrCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "name a solr command: init");
    }

    /** Uploads the configset and creates the collection. */
    @Command(name = "init", mixinStandardHelpOptions = true, sortOptions = false,
            description = {
                "Uploads lorebot's configset (named after the collection) to the SolrCloud of"
                    + " [index] solr-zk or solr-url and creates [index] collection with [index]"
                    + " shards and replicas, routed by thread root (compositeId).",
                "Every Solr node needs lorebot's plugin jar on its class path first"
                    + " (lorebot-index-VERSION-solr-plugin.jar in SOLR_HOME/lib).",
                "An existing collection is kept (its configset is updated). Exit 2 when Solr"
                    + " cannot be reached or refuses."
            })
    static final class Init implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        ConfigOptions options;

        @Override
        public Integer call() throws Exception {
            LorebotConfig config = options.load();
            IndexConfig index = config.index();
            if (!index.solr()) {
                throw new InputException("[index] backend is not solr in "
                        + IngestCommand.describe(config) + ": set backend = solr and solr-zk or solr-url");
            }
            boolean created;
            try {
                created = SolrSetup.init(index);
            } catch (IOException e) {
                throw new InputException(e.getMessage());
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println(created
                    ? "lorebot: created collection " + index.collection() + " (" + index.shards()
                        + " shards, " + index.replicas() + " replicas each)"
                    : "lorebot: collection " + index.collection() + " exists; its configset was updated");
            out.flush();
            return Lorebot.EXIT_OK;
        }
    }
}
