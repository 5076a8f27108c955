package org.lorebot.bot.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The built-in sample: real list mail shipped in the jar as one mbox per list (the labelled corpus
 * messages and the Rockchip NAND driver threads of linux-mtd; {@code make-sample.py} beside the
 * resources is the recipe), so that {@code lorebot run} shows something on a fresh machine.
 */
public final class SampleArchive {

    private static final String RESOURCES = "/org/lorebot/bot/cli/sample/";

    /** One list of the sample: its name, the extracted mbox, its lore URL and message count. */
    public record SampleList(String name, Path mbox, URI url, int messages) {
    }

    private SampleArchive() {
    }

    /** The lists of the sample, without extracting anything. */
    public static List<SampleList> lists() {
        return read(null);
    }

    /**
     * Writes the sample mboxes into {@code directory} (created if needed; files already there with
     * the same size are kept, so re-running is cheap) and returns its lists.
     */
    public static List<SampleList> extract(Path directory) throws IOException {
        Files.createDirectories(directory);
        try {
            return read(directory);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static List<SampleList> read(Path directory) {
        List<SampleList> lists = new ArrayList<>();
        try (InputStream in = resource("lists.tsv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                Path mbox = directory == null ? Path.of(f[1]) : directory.resolve(f[1]);
                if (directory != null) {
                    copy(f[1], mbox);
                }
                lists.add(new SampleList(f[0], mbox, URI.create(f[2]), Integer.parseInt(f[3])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lists;
    }

    private static void copy(String name, Path target) throws IOException {
        try (InputStream in = resource(name)) {
            byte[] bytes = in.readAllBytes();
            if (Files.isRegularFile(target) && Files.size(target) == bytes.length) {
                return;
            }
            Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
            Files.write(tmp, bytes);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = SampleArchive.class.getResourceAsStream(RESOURCES + name);
        if (in == null) {
            throw new IOException("the built-in sample is missing from the jar: " + RESOURCES + name);
        }
        return in;
    }
}
