package org.lorebot.bot.digest;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.lorebot.bot.delivery.MaildirOutbox;
import org.lorebot.bot.state.StateStore;
import org.lorebot.config.LorebotConfig;

/**
 * A lorebot set up in a temporary directory: configuration, real index, real SQLite state file,
 * dry-run delivery into the outbox Maildir. Every run opens the state afresh, as separate
 * {@code lorebot digest} invocations (or a restarted daemon) do.
 */
final class Harness implements AutoCloseable {

    static final String INBOXES = """
            [inbox "dmaengine"]
                url = https://lore.kernel.org/dmaengine
            [inbox "linux-mm"]
                url = https://lore.kernel.org/linux-mm
            [delivery]
                from = lorebot <lorebot@example.org>
            [digest]
                web-url = https://lorebot.example.org
            """;

    final Path dir;
    final Archive archive;
    final LorebotConfig config;

    Harness(Path dir, String subscribers) throws Exception {
        this.dir = dir;
        this.archive = new Archive(dir);
        Path file = dir.resolve("lorebot.conf");
        Files.writeString(file, "[core]\n    data = data\n" + INBOXES + subscribers);
        this.config = LorebotConfig.load(file);
    }

    StateStore openState(Instant now) {
        return StateStore.open(config.core().data().resolve("state.sqlite"), Clock.fixed(now, ZoneOffset.UTC));
    }

    MaildirOutbox delivery(Instant now) {
        return new MaildirOutbox(config.delivery().outbox(), Clock.fixed(now, ZoneOffset.UTC));
    }

    /** One {@code lorebot digest --now NOW}. */
    RunReport run(Instant now) {
        try (StateStore store = openState(now)) {
            return DigestServices.create(config, store, archive.index(), delivery(now),
                    Clock.fixed(now, ZoneOffset.UTC)).runner().runDue(now);
        }
    }

    /** Every mail in the outbox Maildir, oldest first. */
    List<MimeMessage> delivered() throws Exception {
        Path box = config.delivery().outbox().resolve("new");
        List<MimeMessage> out = new ArrayList<>();
        if (!Files.isDirectory(box)) {
            return out;
        }
        Session session = Session.getInstance(new Properties());
        try (Stream<Path> files = Files.list(box)) {
            for (Path f : files.sorted().toList()) {
                try (InputStream in = Files.newInputStream(f)) {
                    out.add(new MimeMessage(session, in));
                }
            }
        }
        return out;
    }

    /** The mails delivered to one address. */
    List<MimeMessage> deliveredTo(String address) throws Exception {
        List<MimeMessage> out = new ArrayList<>();
        for (MimeMessage m : delivered()) {
            if (m.getHeader("To", ",").contains(address)) {
                out.add(m);
            }
        }
        return out;
    }

    static String text(MimeMessage m) throws Exception {
        return ((String) m.getContent()).replace("\r\n", "\n");
    }

    @Override
    public void close() throws IOException {
        archive.close();
    }
}
