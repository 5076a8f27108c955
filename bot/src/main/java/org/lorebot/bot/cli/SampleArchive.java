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
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The built-in sample: real list mail shipped in the jar (the labelled corpus messages and the
 * Rockchip NAND driver threads of linux-mtd; {@code make-sample.py} beside the resources is the
 * recipe). It comes in two parts: each list's history, one mbox per list, and a few later
 * arrivals (real patches with findings, and a review reply) that {@code lorebot run} delivers as
 * new mail once the history is indexed.
 */
public final class SampleArchive {

    private static final String RESOURCES = "/org/lorebot/bot/cli/sample/";
    /** The separator make-sample.py writes before every message, as public-inbox does. */
    static final String SEPARATOR = "From mboxrd@z Thu Jan  1 00:00:00 1970\n";

    /** One list of the sample's history: its name, the extracted mbox, its lore URL and message count. */
    public record SampleList(String name, Path mbox, URI url, int messages) {
    }

    /**
     * The new mail of one list: the messages (mboxrd-quoted, without their separator line, as
     * ISO-8859-1 text so every byte is kept), its lore URL and posting address.
     */
    public record Arrivals(String list, URI url, String address, List<String> messages) {
        public Arrivals {
            messages = List.copyOf(messages);
        }
    }

    private SampleArchive() {
    }

    /** The lists of the sample's history, without extracting anything. */
    public static List<SampleList> lists() {
        try {
            return read(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the history mboxes into {@code directory} (created if needed) and returns its lists.
     * An mbox already there that starts with the sample's messages is kept as it is, with
     * whatever was delivered to it since, so running the sample again reads nothing twice.
     */
    public static List<SampleList> extract(Path directory) throws IOException {
        Files.createDirectories(directory);
        return read(directory);
    }

    /** The sample's new mail, per list. */
    public static List<Arrivals> arrivals() throws IOException {
        List<Arrivals> out = new ArrayList<>();
        for (String[] f : table("arrivals.tsv")) {
            String mbox;
            try (InputStream in = resource(f[1])) {
                mbox = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            }
            List<String> messages = Arrays.stream(mbox.split("(?m)^" + Pattern.quote(SEPARATOR.strip()) + "\n"))
                    .filter(m -> !m.isEmpty()).toList();
            if (messages.size() != Integer.parseInt(f[4])) {
                throw new IOException("the built-in sample's " + f[1] + " holds " + messages.size()
                        + " messages, arrivals.tsv says " + f[4]);
            }
            out.add(new Arrivals(f[0], URI.create(f[2]), f[3], messages));
        }
        return out;
    }

    private static List<SampleList> read(Path directory) throws IOException {
        List<SampleList> lists = new ArrayList<>();
        for (String[] f : table("lists.tsv")) {
            Path mbox = directory == null ? Path.of(f[1]) : directory.resolve(f[1]);
            if (directory != null) {
                copy(f[1], mbox);
            }
            lists.add(new SampleList(f[0], mbox, URI.create(f[2]), Integer.parseInt(f[3])));
        }
        return lists;
    }

    private static List<String[]> table(String name) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = resource(name);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.split("\t"));
                }
            }
        }
        return rows;
    }

    private static void copy(String name, Path target) throws IOException {
        try (InputStream in = resource(name)) {
            byte[] bytes = in.readAllBytes();
            if (Files.isRegularFile(target) && startsWith(target, bytes)) {
                return;
            }
            Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
            Files.write(tmp, bytes);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private static boolean startsWith(Path file, byte[] prefix) throws IOException {
        if (Files.size(file) < prefix.length) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(prefix.length), prefix);
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
