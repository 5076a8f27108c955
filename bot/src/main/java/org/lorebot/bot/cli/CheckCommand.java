package org.lorebot.bot.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.lorebot.analyzers.finding.Finding;
import org.lorebot.analyzers.finding.Severity;
import org.lorebot.analyzers.patch.DiffLine;
import org.lorebot.analyzers.patch.Patch;
import org.lorebot.analyzers.patch.PatchParser;
import org.lorebot.analyzers.rules.DmaChecker;
import org.lorebot.analyzers.rules.RuleCatalog;
import org.lorebot.index.archive.ArchiveEntry;
import org.lorebot.index.archive.ArchiveProblem;
import org.lorebot.index.archive.ArchiveVisitor;
import org.lorebot.index.archive.MboxFormat;
import org.lorebot.index.archive.MboxSource;
import org.lorebot.index.mail.ContentHash;
import org.lorebot.index.mail.MailMessage;
import org.lorebot.index.mail.MailParser;
import org.lorebot.index.mail.MalformedMailException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lorebot check}: runs the DMA rules over patches in mail files, git format-patch files or
 * mboxes and prints the findings the way checkpatch does. Exit 0 when nothing at or above the
 * chosen severity is found, 1 when something is, 2 for bad usage or an unreadable input.
 */
@Command(name = "check",
        mixinStandardHelpOptions = true,
        description = {"Check patches for DMA allocation-flag problems.",
            "FILE is an email (.eml), a git format-patch file, an mbox of several messages, or '-' for"
                + " standard input. Replies, cover letters and quoted diffs are not patches and give nothing.",
            "Output is checkpatch's: each finding with its '#N: FILE: path:line:' marker, then"
                + " 'total: N errors, N warnings, N checks, N lines checked' (info findings are checks)."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:nothing found at or above the minimum severity",
            "1:findings", "2:bad usage or an unreadable input"})
public final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print one JSON array of findings instead of text.")
    boolean json;

    @Option(names = "--min-severity", paramLabel = "LEVEL", defaultValue = "info",
            description = "Report only findings at or above LEVEL: info, warning or error (default: ${DEFAULT-VALUE}).")
    String minSeverity;

    @Option(names = "--ignore", paramLabel = "ID", split = ",",
            description = "Rule ids to leave out, comma-separated (e.g. DMA022,DMA024).")
    List<String> ignore = new ArrayList<>();

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Mail, format-patch or mbox files; '-' reads standard input.")
    List<String> files;

    /**
     * One message of an input, with what the check found in it. {@code bodyOffset} is the number
     * of lines before the body (headers and the blank line), {@code lines} the message's length,
     * both as checkpatch counts them for its {@code #N} markers and closing line.
     */
    private record Checked(String input, String messageId, String subject, List<Finding> findings,
                           int bodyOffset, int lines) { }

    @Override
    public Integer call() throws IOException {
        Severity threshold = threshold();
        Set<String> ignored = ignoredRules();
        PrintWriter err = spec.commandLine().getErr();
        MailParser parser = new MailParser();
        List<Checked> results = new ArrayList<>();
        Map<String, Integer> messagesPerInput = new HashMap<>();
        boolean unreadable = false;
        for (String file : files) {
            List<byte[]> messages;
            try {
                messages = messages(file);
            } catch (NoSuchFileException e) {
                err.println("lorebot: check: " + file + ": no such file");
                unreadable = true;
                continue;
            } catch (IOException e) {
                err.println("lorebot: check: " + file + ": cannot read: " + e.getMessage());
                unreadable = true;
                continue;
            }
            messagesPerInput.put(file, messages.size());
            // a lone message of an mbox (a format-patch file) is counted from its file's first line
            int fromLine = messages.size() == 1 && mboxInputs.contains(file) ? 1 : 0;
            int index = 0;
            for (byte[] raw : messages) {
                index++;
                Checked checked = check(parser, file, index, raw, fromLine, threshold, ignored, err);
                if (checked != null) {
                    results.add(checked);
                }
            }
        }
        boolean several = files.size() > 1 || messagesPerInput.values().stream().anyMatch(n -> n > 1);
        if (json) {
            printJson(results);
        } else if (!messagesPerInput.isEmpty()) {
            printText(results, several); // an input that could not be read has no total
        }
        if (unreadable) {
            return Lorebot.EXIT_USAGE;
        }
        return results.stream().anyMatch(c -> !c.findings.isEmpty()) ? Lorebot.EXIT_FINDINGS : Lorebot.EXIT_OK;
    }

    private Severity threshold() {
        try {
            return Severity.parse(minSeverity);
        } catch (IllegalArgumentException e) {
            throw new InputException("check: --min-severity: " + e.getMessage());
        }
    }

    private Set<String> ignoredRules() {
        Set<String> ids = new LinkedHashSet<>();
        for (String id : ignore) {
            if (id.isBlank()) {
                continue;
            }
            String rule = RuleCatalog.standard().find(id).orElseThrow(() ->
                    new InputException("check: --ignore: unknown rule '" + id.strip() + "'; 'lorebot rules' lists them"))
                    .id();
            ids.add(rule);
        }
        return ids;
    }

    /** Inputs read as mboxes (every message's "From " line taken off). */
    private final Set<String> mboxInputs = new HashSet<>();

    /** The raw messages of one input: one for a mail, every message of an mbox. */
    private List<byte[]> messages(String file) throws IOException {
        Path path;
        Path temporary = null;
        if (file.equals("-")) {
            byte[] all = System.in.readAllBytes();
            if (!looksLikeMbox(all)) {
                return List.of(all);
            }
            temporary = Files.createTempFile("lorebot-check", ".mbox");
            Files.write(temporary, all);
            path = temporary;
        } else {
            path = Path.of(file);
            if (Files.isDirectory(path)) {
                throw new IOException("is a directory, not a mail or mbox file");
            }
            byte[] all = Files.readAllBytes(path);
            if (!looksLikeMbox(all)) {
                return List.of(all);
            }
        }
        mboxInputs.add(file);
        try {
            return mbox(path);
        } finally {
            if (temporary != null) {
                Files.deleteIfExists(temporary);
            }
        }
    }

    /** mbox files and git format-patch output start with a "From " separator line; gzip is an mbox too. */
    private static boolean looksLikeMbox(byte[] data) {
        if (data.length >= 2 && (data[0] & 0xff) == 0x1f && (data[1] & 0xff) == 0x8b) {
            return true;
        }
        return data.length >= 5 && new String(data, 0, 5, StandardCharsets.ISO_8859_1).equals("From ");
    }

    private List<byte[]> mbox(Path path) throws IOException {
        List<byte[]> out = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (MboxSource source = new MboxSource(path, MboxFormat.MBOXRD)) {
            source.read(Map.of(), new ArchiveVisitor() {
                @Override
                public void entry(ArchiveEntry entry) {
                    if (entry.kind() == ArchiveEntry.Kind.ADD) {
                        out.add(entry.raw());
                    }
                }

                @Override
                public void problem(ArchiveProblem problem) {
                    problems.add(problem.position() + ": " + problem.reason());
                }
            });
        }
        for (String p : problems) {
            spec.commandLine().getErr().println("lorebot: check: " + path + ": skipped a message at " + p);
        }
        return out;
    }

    /**
     * One message as {@code check} reads it: its ids, its patch, and how many lines come before
     * the body (0 for a bare diff, which has no headers).
     */
    record Read(String messageId, String subject, Patch patch, int bodyOffset) { }

    /**
     * Reads the patch out of one message: a mail through the mail layer (MIME decoded), a bare
     * diff as it is. A mail without a Message-ID (a git format-patch file) is read all the same.
     */
    static Read read(MailParser parser, byte[] raw) throws MalformedMailException {
        if (raw.length >= 5 && new String(raw, 0, 5, StandardCharsets.ISO_8859_1).equals("From ")) {
            // one message with its mbox "From " line, as git format-patch writes it
            int lf = 0;
            while (lf < raw.length && raw[lf] != '\n') {
                lf++;
            }
            Read rest = read(parser, Arrays.copyOfRange(raw, Math.min(lf + 1, raw.length), raw.length));
            return new Read(rest.messageId(), rest.subject(), rest.patch(), rest.bodyOffset() + 1);
        }
        if (!looksLikeMail(raw)) {
            // plain `git diff` or `diff -u` output: no headers, the whole text is the patch
            return new Read(null, "", PatchParser.parse("", new String(raw, StandardCharsets.UTF_8)), 0);
        }
        MailMessage mail = parser.parse(raw);
        // git format-patch files carry no Message-ID; the id the mail layer derives for the
        // archive means nothing to the author, so none is reported.
        String messageId = ContentHash.isDerived(mail.messageId()) ? null : mail.messageId();
        return new Read(messageId, mail.subject(), PatchParser.parse(mail.subject(), mail.patchText()),
                lineCount(raw, 0, headerEnd(raw)));
    }

    /** Parses and checks one message; a message that cannot be parsed is reported and skipped. */
    private static Checked check(MailParser parser, String input, int index, byte[] raw, int fromLine,
                                 Severity threshold, Set<String> ignored, PrintWriter err) {
        Read read;
        try {
            read = read(parser, raw);
        } catch (MalformedMailException e) {
            err.println("lorebot: check: " + input + ": message " + index + " skipped: " + e.getMessage());
            return null;
        }
        return new Checked(input, read.messageId(), read.subject(), kept(read.patch(), threshold, ignored),
                fromLine + read.bodyOffset(), fromLine + lineCount(raw, 0, raw.length));
    }

    private static List<Finding> kept(Patch patch, Severity threshold, Set<String> ignored) {
        List<Finding> kept = new ArrayList<>();
        for (Finding f : DmaChecker.check(patch)) {
            if (f.severity().atLeast(threshold) && !ignored.contains(f.ruleId())) {
                kept.add(f);
            }
        }
        return kept;
    }

    /** A mail starts with a header line ("Name: value"); a bare diff does not. */
    private static boolean looksLikeMail(byte[] raw) {
        int i = 0;
        while (i < raw.length && (raw[i] == '\n' || raw[i] == '\r')) {
            i++;
        }
        int start = i;
        while (i < raw.length && raw[i] != '\n') {
            byte b = raw[i];
            if (b == ':') {
                return i > start;
            }
            boolean nameChar = b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '-' || b == '_';
            if (!nameChar) {
                return false;
            }
            i++;
        }
        return false;
    }

    /** The offset just past the blank line that ends a mail's header (the whole mail when none). */
    private static int headerEnd(byte[] raw) {
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '\n' && (i + 1 < raw.length && raw[i + 1] == '\n'
                    || i + 2 < raw.length && raw[i + 1] == '\r' && raw[i + 2] == '\n')) {
                return raw[i + 1] == '\n' ? i + 2 : i + 3;
            }
        }
        return raw.length;
    }

    /** Lines in raw[from, to): LF-terminated ones, plus an unterminated last one. */
    private static int lineCount(byte[] raw, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (raw[i] == '\n') {
                n++;
            }
        }
        return to > from && raw[to - 1] != '\n' ? n + 1 : n;
    }

    /**
     * checkpatch's layout: per finding a heading, the {@code #N: FILE: path:line:} marker (N is
     * the line in the message as read), the quoted lines and the fix; then checkpatch's closing
     * line, where info findings are its "checks".
     */
    private void printText(List<Checked> results, boolean several) {
        PrintWriter out = spec.commandLine().getOut();
        int[] counts = new int[Severity.values().length];
        int linesChecked = 0;
        for (Checked c : results) {
            linesChecked += c.lines;
            if (c.findings.isEmpty()) {
                continue;
            }
            String prefix = several ? c.input + ": " : "";
            if (several) {
                out.println(prefix + (c.messageId == null ? "" : "<" + c.messageId + "> ") + c.subject);
            }
            for (Finding f : c.findings) {
                counts[f.severity().ordinal()]++;
                out.println(prefix + f.path() + ":" + f.line() + ": " + f.severity().word() + ": "
                        + f.ruleId() + ": " + f.message());
                int patchLine = patchLine(f);
                if (patchLine > 0) {
                    out.println("#" + (c.bodyOffset + patchLine) + ": FILE: " + f.path() + ":" + f.line() + ":");
                }
                for (DiffLine l : f.lines()) {
                    out.println(l.asDiff());
                }
                out.println("fix: " + f.fix());
                out.println();
            }
        }
        // Always plural, as checkpatch prints it: CI scripts match this line with a regex.
        out.println("total: " + counts[Severity.ERROR.ordinal()] + " errors, "
                + counts[Severity.WARNING.ordinal()] + " warnings, "
                + counts[Severity.INFO.ordinal()] + " checks, " + linesChecked + " lines checked");
        out.flush();
    }

    /** The patch line of the finding's own line (the one its FILE:LINE names), else of its first quoted line. */
    private static int patchLine(Finding f) {
        int first = 0;
        for (DiffLine l : f.lines()) {
            if (l.patchLine() > 0 && l.newLine() == f.line()) {
                return l.patchLine();
            }
            if (first == 0) {
                first = l.patchLine();
            }
        }
        return first;
    }

    private void printJson(List<Checked> results) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ArrayNode array = mapper.createArrayNode();
        for (Checked c : results) {
            for (Finding f : c.findings) {
                ObjectNode o = array.addObject();
                o.put("input", c.input);
                if (c.messageId == null) {
                    o.putNull("message_id");
                } else {
                    o.put("message_id", c.messageId);
                }
                o.put("subject", c.subject);
                o.put("rule", f.ruleId());
                o.put("severity", f.severity().word());
                o.put("file", f.path());
                o.put("line", f.line());
                o.put("message", f.message());
                o.put("explanation", f.explanation());
                o.put("fix", f.fix());
                ArrayNode lines = o.putArray("lines");
                f.lines().forEach(l -> lines.add(l.asDiff()));
                ArrayNode citations = o.putArray("citations");
                f.citations().forEach(citations::add);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(mapper.writeValueAsString(array));
        out.flush();
    }
}
