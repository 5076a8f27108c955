package org.lorebot.analyzers.patch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A throwaway repository driven by the real git command line, for comparing with git's answers. */
final class GitRepo {

    private final Path dir;

    GitRepo(Path dir) throws IOException, InterruptedException {
        this.dir = dir;
        git("init", "-q", "-b", "master");
        git("config", "user.name", "A U Thor");
        git("config", "user.email", "author@example.org");
        git("config", "core.autocrlf", "false");
    }

    Path dir() {
        return dir;
    }

    void write(String path, String content) throws IOException {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content, StandardCharsets.UTF_8);
    }

    void writeBytes(String path, byte[] content) throws IOException {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        Files.write(p, content);
    }

    void commit(String message) throws IOException, InterruptedException {
        git("add", "-A");
        git("commit", "-q", "-m", message);
    }

    /** Runs git in the repository and returns its standard output. */
    String git(String... args) throws IOException, InterruptedException {
        return gitWithInput(null, args);
    }

    String gitWithInput(String input, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add("git");
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        pb.environment().put("HOME", dir.toString());
        Process p = pb.start();
        if (input != null) {
            p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("git " + String.join(" ", args) + " failed: " + err);
        }
        return out;
    }
}
