package org.lorebot.bot.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.lorebot.index.MailIndex;

/** Opening the index for reading commands, which must not create an empty one by mistake. */
final class IndexAccess {

    private IndexAccess() {
    }

    /** The index in {@code data}; an input error when nothing was ever ingested there. */
    static MailIndex openExisting(Path data) throws IOException {
        if (!Files.isDirectory(data) || !MailIndex.exists(data)) {
            throw new InputException("no index in " + data
                    + " (ingest something first: 'lorebot ingest SOURCE', or 'lorebot run' for the sample)");
        }
        return MailIndex.open(data);
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
