package org.lorebot.bot.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * A public-inbox v2 inbox made by the real {@code public-inbox-init -V2} and fed by the real
 * {@code public-inbox-mda}, as a list's own archive is. Without public-inbox installed the test
 * is skipped, unless {@code LOREBOT_REQUIRE_PEERS=1} (CI) makes that a failure.
 */
final class MdaInbox {

    private final Path dir;
    private final Path piConfig;
    private final String address;

    private MdaInbox(Path dir, Path piConfig, String address) {
        this.dir = dir;
        this.piConfig = piConfig;
        this.address = address;
    }

    /** Creates the inbox {@code name} at {@code dir}, with the url and address public-inbox keeps for it. */
    static MdaInbox create(Path dir, String name, String url, String address) throws Exception {
        requireTool("public-inbox-mda");
        requireTool("public-inbox-init");
        Path home = Files.createDirectories(dir.resolveSibling(name + "-pi-home"));
        Path piConfig = home.resolve("config");
        MdaInbox inbox = new MdaInbox(dir, piConfig, address);
        inbox.exec(List.of("public-inbox-init", "-V2", name, dir.toString(), url, address), null);
        // no spam filter on a test machine: spamc is not installed
        Files.writeString(piConfig, "[publicinboxmda]\n\tspamcheck = none\n", StandardOpenOption.APPEND);
        return inbox;
    }

    Path dir() {
        return dir;
    }

    /** Delivers one message as the list's mail server does: piped into public-inbox-mda. */
    void deliver(String message) throws Exception {
        exec(List.of("public-inbox-mda"), message.getBytes(StandardCharsets.ISO_8859_1));
    }

    private void exec(List<String> command, byte[] input) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("PI_CONFIG", piConfig.toString());
        env.put("HOME", piConfig.getParent().toString());
        env.put("ORIGINAL_RECIPIENT", address);
        Process p = pb.start();
        if (input != null) {
            p.getOutputStream().write(input);
        }
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(command + " did not finish");
        }
        assertEquals(0, p.exitValue(), command + ": " + output);
        // public-inbox-mda puts mail it refuses into ~/.public-inbox/emergency and still exits 0
        Path emergency = piConfig.getParent().resolve(".public-inbox/emergency/new");
        if (Files.isDirectory(emergency)) {
            try (var refused = Files.list(emergency)) {
                assertEquals(0, refused.count(), command + " refused a message: " + output);
            }
        }
    }

    private static void requireTool(String tool) throws IOException {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, tool))) {
                return;
            }
        }
        String why = "skipped: " + tool + " not found (install Debian's public-inbox)";
        if ("1".equals(System.getenv("LOREBOT_REQUIRE_PEERS"))) {
            fail(why.replace("skipped: ", "") + ", and LOREBOT_REQUIRE_PEERS=1");
        }
        Assumptions.abort(why);
    }
}
