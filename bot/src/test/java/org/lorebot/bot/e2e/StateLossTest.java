package org.lorebot.bot.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lorebot.bot.cli.CommandRun;

/**
 * The state file lost between passes (deleted, or restored from an old backup): the patches are
 * reviewed again and their replies composed again, with the same Message-IDs, and the outbox
 * Maildir shows each went out already. Counted at a real SMTP server, nothing arrives twice.
 */
class StateLossTest {

    private static final List<String> FIRST = List.of("019-n64-fbdev-n64rdp-driver.eml", "021-n64-sound-driver.eml",
            "022-n64-cart-v2-kmalloc-gfp-dma.eml");
    private static final List<String> LATER = List.of("026-hyperv-fb-dma-alloc-from-contiguous.eml",
            "055-cdns3-trb-pool-dma-pool-dma32.eml", "074-vioverlay-kzalloc-gfp-dma32.eml");

    @TempDir
    Path dir;

    private GreenMail smtp;
    private Path config;
    private Path mbox;
    private Path state;

    @BeforeEach
    void setUp() throws IOException {
        mbox = dir.resolve("lkml.mbox");
        append(FIRST, null);
        int port = freePort();
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        state = dir.resolve("data/state.sqlite");
        config = Files.writeString(dir.resolve("lorebot.conf"), """
                [core]
                    data = data
                [inbox "lkml"]
                    path = lkml.mbox
                    address = linux-kernel@vger.kernel.org
                [review]
                    lists = lkml
                    since = 2000-01-01
                [delivery]
                    mode = send
                    from = lorebot <lorebot@example.org>
                [smtp]
                    host = 127.0.0.1
                    port = %d
                    security = none
                """.formatted(port));
    }

    @AfterEach
    void tearDown() {
        smtp.stop();
    }

    /** Adds the messages to the archive, dated {@code at} (null: as they are). */
    private void append(List<String> files, Instant at) throws IOException {
        StringBuilder text = new StringBuilder();
        for (String f : files) {
            String mail = at == null ? Mail.labelled(f) : Mail.postedAt(Mail.labelled(f), at);
            text.append("From mboxrd@z Thu Jan  1 00:00:00 1970\n").append(mail).append('\n');
        }
        Files.writeString(mbox, text, StandardCharsets.ISO_8859_1, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private CommandRun runOnce() {
        CommandRun run = CommandRun.lorebot("run", "--config", config.toString(), "--once");
        assertEquals(0, run.exit(), run.toString());
        return run;
    }

    /** Replies at the server by Message-ID, each counted once however many recipients it had. */
    private Map<String, Integer> replies() throws Exception {
        Map<String, Integer> copies = new HashMap<>();
        Map<String, Integer> recipients = new HashMap<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            String id = m.getHeader("Message-ID", null);
            copies.merge(id, 1, Integer::sum);
            recipients.put(id, m.getAllRecipients().length);
        }
        Map<String, Integer> sends = new HashMap<>();
        copies.forEach((id, n) -> sends.put(id, n / recipients.get(id)));
        return sends;
    }

    private void dropState() throws IOException {
        for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
            Files.deleteIfExists(state.resolveSibling(state.getFileName() + suffix));
        }
    }

    @Test
    void aDeletedOrRestoredStateFileSendsNothingTwice() throws Exception {
        runOnce();
        assertEquals(FIRST.size(), replies().size(), replies().toString());
        Path backup = dir.resolve("state.backup");
        Files.copy(state, backup);

        append(LATER, Instant.now().minus(Duration.ofHours(1))); // new mail, past the grace time
        runOnce();
        Map<String, Integer> all = replies();
        assertEquals(FIRST.size() + LATER.size(), all.size(), all.toString());
        int received = smtp.getReceivedMessages().length;

        // restored from the backup taken before the later patches were answered
        dropState();
        Files.copy(backup, state, StandardCopyOption.REPLACE_EXISTING);
        CommandRun restored = runOnce();
        assertTrue(restored.out().contains(LATER.size() + " found already delivered"), restored.toString());
        assertEquals(received, smtp.getReceivedMessages().length, restored.toString());

        // deleted outright
        dropState();
        CommandRun deleted = runOnce();
        assertTrue(deleted.out().contains(all.size() + " found already delivered"), deleted.toString());
        assertEquals(received, smtp.getReceivedMessages().length, deleted.toString());
        for (int sends : replies().values()) {
            assertEquals(1, sends, replies().toString());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
