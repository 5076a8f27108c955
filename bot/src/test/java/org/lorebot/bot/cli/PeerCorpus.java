package org.lorebot.bot.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The peer corpus (git's, public-inbox's and b4's test mails with the real tools' answers),
 * found through {@code -Dlorebot.peer} or {@code LOREBOT_PEER}; tests skip without it.
 */
final class PeerCorpus {
    private PeerCorpus() {
    }

    /** The corpus directory; skips the calling test with a clear message when it is not there. */
    static Path dir() {
        String configured = System.getProperty("lorebot.peer", System.getenv("LOREBOT_PEER"));
        Path dir = configured == null || configured.isBlank() ? null : Path.of(configured);
        Assumptions.assumeTrue(dir != null && Files.isDirectory(dir),
                "skipped: peer corpus not found (set LOREBOT_PEER)");
        return dir;
    }

    /** Skips (or, with LOREBOT_REQUIRE_PEERS=1, fails) a test that needs a real tool not installed. */
    static void requireTool(boolean present, String tool) {
        if (!present && "1".equals(System.getenv("LOREBOT_REQUIRE_PEERS"))) {
            throw new AssertionError(tool + " is required (LOREBOT_REQUIRE_PEERS=1) but not installed");
        }
        Assumptions.assumeTrue(present, "skipped: " + tool + " not installed");
    }
}
