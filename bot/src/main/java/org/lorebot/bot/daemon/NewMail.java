package org.lorebot.bot.daemon;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lorebot.index.archive.ArchiveEntry;
import org.lorebot.index.archive.ArchiveProblem;
import org.lorebot.index.archive.ArchiveSource;
import org.lorebot.index.archive.ArchiveSources;
import org.lorebot.index.archive.ArchiveVisitor;
import org.lorebot.index.mail.MailParser;
import org.lorebot.index.mail.MalformedMailException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The messages an archive gained between two cursors, in archive order: what arrived since the
 * daemon's previous pass, whatever their Date headers say. Reading stops in each epoch at the
 * position the index has reached, so mail still being written is left for the next pass.
 */
final class NewMail {

    private static final Logger LOG = LoggerFactory.getLogger(NewMail.class);

    private NewMail() {
    }

    /** The Message-IDs added to {@code archive} after {@code from}, up to {@code to}. */
    static List<String> between(Path archive, Map<String, String> from, Map<String, String> to) throws IOException {
        MailParser parser = new MailParser();
        List<String> ids = new ArrayList<>();
        Set<String> done = new HashSet<>();
        try (ArchiveSource source = ArchiveSources.open(archive)) {
            source.read(from, new ArchiveVisitor() {
                @Override
                public void entry(ArchiveEntry e) {
                    String end = to.get(e.epoch());
                    if (end == null || done.contains(e.epoch())) {
                        return;
                    }
                    if (e.position().equals(end)) {
                        done.add(e.epoch());
                    }
                    if (e.kind() != ArchiveEntry.Kind.ADD) {
                        return;
                    }
                    try {
                        ids.add(parser.parse(e.raw()).messageId());
                    } catch (MalformedMailException | RuntimeException ex) {
                        LOG.warn("{} {}: skipping a message lorebot cannot read: {}", e.epoch(), e.position(),
                                ex.getMessage());
                    }
                }

                @Override
                public void problem(ArchiveProblem problem) {
                    // ingest reported it already
                }
            });
        }
        return ids;
    }
}
