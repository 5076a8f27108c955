package org.lorebot.bot.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.lorebot.config.LorebotConfig;
import org.lorebot.index.MailIndex;
import org.lorebot.index.backend.ConfiguredIndex;
import org.lorebot.index.codec.LorebotCodec;

/**
 * Opening the index {@code [index]} configures: the local one in the data directory, or the
 * SolrCloud collection. The one place the bot decides which.
 */
final class IndexAccess {

    private IndexAccess() {
    }

    /** The configured index, for commands that write to it (a local one is created when absent). */
    static MailIndex open(LorebotConfig config) throws IOException {
        try {
            return ConfiguredIndex.open(config.index(), config.core().data());
        } catch (IOException e) {
            if (config.index().solr()) {
                throw new InputException(e.getMessage());
            }
            throw e;
        }
    }

    /**
     * The configured index, for a process that runs for hours ({@code serve}, the daemon): a
     * local one reads with zstd's C library, whose load a short command would not earn back.
     */
    static MailIndex openLongLived(LorebotConfig config) throws IOException {
        if (!config.index().solr()) {
            LorebotCodec.useNativeLibrary();
        }
        return open(config);
    }

    /** The configured index; an input error when nothing was ever ingested into a local one. */
    static MailIndex openExisting(LorebotConfig config) throws IOException {
        Path data = config.core().data();
        if (!config.index().solr() && (!Files.isDirectory(data) || !MailIndex.exists(data))) {
            throw new InputException("no index in " + data
                    + " (ingest something first: 'lorebot ingest SOURCE', or 'lorebot run' for the sample)");
        }
        return open(config);
    }

    /** Removes the local index a first ingest that read nothing left behind. */
    static void removeIfEmpty(LorebotConfig config) throws IOException {
        if (!config.index().solr()) {
            MailIndex.removeIfEmpty(config.core().data());
        }
    }

    /** Message-IDs are kept without angle brackets; users paste them with or without. */
    static String bareMessageId(String id) {
        String s = id.trim();
        if (s.startsWith("<") && s.endsWith(">")) {
            s = s.substring(1, s.length() - 1).trim();
        }
        if (s.isEmpty()) {
            throw new InputException("empty Message-ID");
        }
        return s;
    }
}
