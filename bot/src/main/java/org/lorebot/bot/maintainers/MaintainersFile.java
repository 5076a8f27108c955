package org.lorebot.bot.maintainers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The kernel's MAINTAINERS file: entries separated by blank lines, each a title line followed by
 * typed lines {@code X:\tvalue}. The prose before the first entry (which describes the types in
 * indented lines) is skipped: a paragraph holds an entry only when its lines after the first are
 * typed lines. {@code N:} and {@code K:} are Perl regular expressions used with {@code /x}, so
 * blanks in them are insignificant; they are compiled with Java's equivalent.
 */
public final class MaintainersFile {

    private static final Pattern TYPED = Pattern.compile("^([A-Z]):\\s*(.*?)\\s*$");

    private final List<MaintainersEntry> entries;

    private MaintainersFile(List<MaintainersEntry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** Reads and parses a MAINTAINERS file. */
    public static MaintainersFile read(Path file) throws IOException, MaintainersFormatException {
        return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    }

    /**
     * Parses MAINTAINERS text.
     *
     * @param source what to call the text in errors (its file name)
     */
    public static MaintainersFile parse(String source, String text) throws MaintainersFormatException {
        String[] lines = text.split("\r?\n", -1);
        List<MaintainersEntry> entries = new ArrayList<>();
        int start = 0;
        while (start < lines.length) {
            if (lines[start].isBlank()) {
                start++;
                continue;
            }
            int end = start;
            while (end < lines.length && !lines[end].isBlank()) {
                end++;
            }
            entry(source, lines, start, end).ifPresent(entries::add);
            start = end;
        }
        return new MaintainersFile(entries);
    }

    private static Optional<MaintainersEntry> entry(String source, String[] lines, int start, int end)
            throws MaintainersFormatException {
        if (TYPED.matcher(lines[start]).matches()) {
            boolean allTyped = true;
            for (int i = start; i < end; i++) {
                allTyped &= TYPED.matcher(lines[i]).matches();
            }
            if (allTyped) {
                throw new MaintainersFormatException(source, start + 1,
                        "typed lines without an entry title above them", null);
            }
            return Optional.empty();
        }
        if (end - start < 2 || !TYPED.matcher(lines[start + 1]).matches()) {
            return Optional.empty(); // prose
        }
        List<String> m = new ArrayList<>();
        List<String> r = new ArrayList<>();
        List<String> l = new ArrayList<>();
        String status = "";
        List<FilePattern> f = new ArrayList<>();
        List<FilePattern> x = new ArrayList<>();
        List<Pattern> n = new ArrayList<>();
        List<Pattern> k = new ArrayList<>();
        for (int i = start + 1; i < end; i++) {
            Matcher t = TYPED.matcher(lines[i]);
            if (!t.matches()) {
                throw new MaintainersFormatException(source, i + 1, "'" + lines[i].strip()
                        + "' is not a typed line (X:\tvalue) inside entry '" + lines[start].strip() + "'", null);
            }
            String value = t.group(2);
            try {
                switch (t.group(1)) {
                    case "M" -> m.add(value);
                    case "R" -> r.add(value);
                    case "L" -> l.add(value.split("\\s+")[0].toLowerCase(Locale.ROOT));
                    case "S" -> status = value;
                    case "F" -> f.add(FilePattern.of(value));
                    case "X" -> x.add(FilePattern.of(value));
                    case "N" -> n.add(Pattern.compile(value, Pattern.COMMENTS));
                    case "K" -> k.add(Pattern.compile(value, Pattern.COMMENTS));
                    default -> {
                        // B: C: P: Q: T: W: D: carry links and trees, which digests do not use.
                    }
                }
            } catch (PatternSyntaxException e) {
                throw new MaintainersFormatException(source, i + 1, t.group(1) + ": '" + value
                        + "' is not a regular expression: " + e.getDescription(), e);
            } catch (IllegalArgumentException e) {
                throw new MaintainersFormatException(source, i + 1, e.getMessage(), e);
            }
        }
        return Optional.of(new MaintainersEntry(lines[start].strip(), start + 1, m, r, l, status, f, x, n, k));
    }

    /** Every entry, in file order. */
    public List<MaintainersEntry> entries() {
        return entries;
    }

    /** The entry with this title, compared without regard to case. */
    public Optional<MaintainersEntry> entry(String name) {
        String wanted = name.strip();
        return entries.stream().filter(e -> e.name().equalsIgnoreCase(wanted)).findFirst();
    }

    /** The entries covering a file, in file order. */
    public List<MaintainersEntry> entriesFor(String path) {
        return entries.stream().filter(e -> e.covers(path)).toList();
    }
}
