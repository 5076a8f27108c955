package org.lorebot.bot.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/** A real command-line client (git, b4...) run to completion, its output kept. */
record Tool(int exit, String out, String err) {

    /** Skips the test when {@code name} is not installed, or fails it under LOREBOT_REQUIRE_PEERS=1. */
    static void require(String name) {
        boolean found = Files.isExecutable(Path.of("/usr/bin", name)) || Files.isExecutable(Path.of("/usr/local/bin", name));
        if (!found && "1".equals(System.getenv("LOREBOT_REQUIRE_PEERS"))) {
            Assertions.fail(name + " is not installed and LOREBOT_REQUIRE_PEERS=1");
        }
        Assumptions.assumeTrue(found, "skipped: " + name + " not installed");
    }

    /** Runs {@code command} in {@code dir} with extra environment, for at most two minutes. */
    static Tool run(Path dir, Map<String, String> env, List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().putAll(env);
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p = pb.start();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            Assertions.fail(String.join(" ", command) + " did not finish in 2 minutes");
        }
        Tool result = new Tool(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return result;
    }

    static Tool run(Path dir, String... command) throws IOException, InterruptedException {
        return run(dir, Map.of(), List.of(command));
    }

    /** This run's output, failing the test with its stderr when it exited non-zero. */
    String ok() {
        Assertions.assertEquals(0, exit, "exit " + exit + ": " + err);
        return out;
    }
}
