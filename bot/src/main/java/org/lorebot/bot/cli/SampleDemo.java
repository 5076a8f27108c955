package org.lorebot.bot.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeUtility;

import org.lorebot.config.ConfigException;
import org.lorebot.config.LorebotConfig;

/**
 * What {@code lorebot run} does with no configuration at all: the daemon itself, on the built-in
 * sample. It writes a configuration for the sample's lists (dry-run, reviews allowed on the lists
 * that get new mail), runs a first pass that indexes the history and, as on any first run,
 * reviews none of it; then delivers the sample's new mail (real patches, re-dated to now as
 * fresh mail would be) and runs a second pass that reviews them. It shows the outbox: the replies
 * exactly as they would go to the list. Run again, it finds nothing new and shows the outbox.
 */
final class SampleDemo {

    /** The name the demo's configuration is written under, in the sample directory. */
    static final String CONFIG = "lorebot.conf";
    /** Who the sample's replies are from. */
    static final String FROM = "lorebot <lorebot@example.org>";

    private static final DateTimeFormatter RFC_5322 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final PrintWriter out;
    private final PrintWriter err;

    SampleDemo(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    /** Runs the demonstration with its data in {@code data}; {@code shownData} is how to name it. */
    int run(Path data, String shownData, Clock clock) throws IOException, ConfigException {
        out.println("lorebot: no config given; using the built-in sample archive (dry-run, data in "
                + shownData + ")");
        out.flush();
        Path sample = data.resolve("sample");
        List<SampleArchive.SampleList> history = SampleArchive.extract(sample);
        List<SampleArchive.Arrivals> arrivals = SampleArchive.arrivals();
        for (SampleArchive.Arrivals a : arrivals) {
            Path mbox = sample.resolve(a.list() + ".mbox");
            if (!Files.exists(mbox)) {
                Files.createFile(mbox); // a list whose only mail is new mail
            }
        }
        Path configFile = sample.resolve(CONFIG);
        Files.writeString(configFile, configuration(history, arrivals), StandardCharsets.UTF_8);
        LorebotConfig config = LorebotConfig.load(configFile);
        String shownConfig = shownData + "/sample/" + CONFIG;
        out.println("The sample's configuration is " + shownConfig + ": " + config.inboxes().size()
                + " lists, replies allowed on " + String.join(" and ", config.review().lists())
                + ", dry-run (replies go to the outbox only).");

        // Mail re-dated "now" must not be older than the first run, which the state stores to the
        // millisecond while a Date header has whole seconds: the demo's clock ticks in seconds.
        Clock seconds = Clock.tick(clock, Duration.ofSeconds(1));
        int failed;
        List<String> delivered;
        int queued;
        boolean firstRun = !Files.exists(config.core().state());
        try (ReviewService service = ReviewService.open(config, seconds, Map.of(), out, err)) {
            out.println();
            out.println("== Pass 1: fetch, ingest, review");
            ReviewService.Pass first = service.pass(firstRun);
            failed = first.failedInboxes();
            queued = first.report().queued();
            if (!firstRun && queued == 0 && first.added().values().stream().allMatch(n -> n == 0)) {
                out.println("nothing new on any list");
            }
            out.println();
            delivered = deliver(arrivals, sample, service, seconds.instant());
            if (!delivered.isEmpty()) {
                out.println();
                out.println("== Pass 2: fetch, ingest, review");
                ReviewService.Pass second = service.pass(false);
                failed += second.failedInboxes();
                queued += second.report().queued();
            }
        }
        showOutbox(config.delivery().outbox(), shownData + "/outbox", delivered.isEmpty() && queued == 0);
        out.println();
        out.println("Run it again: nothing is new, so nothing is reviewed twice.");
        out.println("Keep it running:  lorebot run --config " + shownConfig + "   (Ctrl-C stops it)");
        out.println("Search the index: lorebot search --data " + shownData + " 'dfb:GFP_DMA'");
        out.println("To follow real lists, write a lorebot.conf with [inbox \"NAME\"] sections (see README.md).");
        out.flush();
        return failed == 0 ? Lorebot.EXIT_OK : Lorebot.EXIT_USAGE;
    }

    private static String configuration(List<SampleArchive.SampleList> history, List<SampleArchive.Arrivals> arrivals) {
        StringBuilder c = new StringBuilder();
        c.append("# lorebot's built-in sample, written by 'lorebot run' without a configuration.\n")
                .append("# Rewritten on every such run; copy it to start a configuration of your own.\n")
                .append("[core]\n    data = ..\n");
        TreeSet<String> names = new TreeSet<>();
        history.forEach(l -> names.add(l.name()));
        arrivals.forEach(a -> names.add(a.list()));
        List<String> reviewed = new ArrayList<>();
        for (String name : names) {
            // no url: the mboxes are local, and citations link to lore.kernel.org/NAME
            c.append("[inbox \"").append(name).append("\"]\n    path = ").append(name).append(".mbox\n");
            for (SampleArchive.Arrivals a : arrivals) {
                if (a.list().equals(name)) {
                    c.append("    address = ").append(a.address()).append('\n');
                    reviewed.add(name);
                }
            }
        }
        c.append("[review]\n    lists = ").append(String.join(", ", reviewed)).append('\n')
                .append("    ; the sample holds only some parts of each series: review them without\n")
                .append("    ; waiting for the rest\n")
                .append("    grace = 0\n")
                .append("    ; the DMA mapping maintainer: his replies are the citations that weigh most\n")
                .append("    maintainer = hch@lst.de\n")
                .append("[delivery]\n    mode = dry-run\n    from = ").append(FROM).append('\n');
        return c.toString();
    }

    /**
     * Appends the sample's new mail to the lists' mboxes, each message dated {@code now}, unless
     * an earlier run delivered it already; returns the subjects delivered.
     */
    private List<String> deliver(List<SampleArchive.Arrivals> arrivals, Path sample, ReviewService service,
                                 Instant now) throws IOException {
        List<String> lines = new ArrayList<>();
        for (SampleArchive.Arrivals a : arrivals) {
            StringBuilder mbox = new StringBuilder();
            for (String message : a.messages()) {
                InternetHeaders headers = headers(message);
                String id = headers.getHeader("Message-ID", null);
                if (id != null && service.index().message(id.strip().replaceAll("^<|>$", "")).isPresent()) {
                    continue;
                }
                mbox.append(SampleArchive.SEPARATOR).append(redated(message, now));
                lines.add(String.format("  %-12s %s", a.list(), subject(headers)));
            }
            if (!mbox.isEmpty()) {
                Files.writeString(sample.resolve(a.list() + ".mbox"), mbox, StandardCharsets.ISO_8859_1,
                        StandardOpenOption.APPEND);
            }
        }
        if (lines.isEmpty()) {
            out.println("== New mail: none; the sample's new mail arrived on an earlier run.");
        } else {
            out.println("== New mail: " + lines.size() + " real messages from the labelled corpus arrive, dated "
                    + SECONDS.format(now) + " (their original Date kept as X-Original-Date):");
            lines.forEach(out::println);
        }
        out.flush();
        return lines;
    }

    /** The message with its Date set to {@code now}; the original is kept as X-Original-Date. */
    static String redated(String message, Instant now) {
        int end = message.indexOf("\n\n");
        String head = end < 0 ? message : message.substring(0, end + 1);
        String body = end < 0 ? "" : message.substring(end + 1);
        StringBuilder out = new StringBuilder();
        boolean inDate = false;
        for (String line : head.split("\n")) {
            boolean continuation = !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t');
            if (!continuation) {
                inDate = line.regionMatches(true, 0, "Date:", 0, 5);
                if (inDate) {
                    out.append("Date: ").append(RFC_5322.format(now)).append('\n');
                    out.append("X-Original-").append(line).append('\n');
                    continue;
                }
            }
            out.append(line).append('\n'); // a folded Date continues X-Original-Date
        }
        return out + body;
    }

    private static InternetHeaders headers(String message) throws IOException {
        try {
            return new InternetHeaders(new ByteArrayInputStream(message.getBytes(StandardCharsets.ISO_8859_1)));
        } catch (MessagingException e) {
            throw new IOException("the built-in sample holds a message without readable headers: " + e.getMessage(), e);
        }
    }

    private static String subject(InternetHeaders headers) {
        String raw = headers.getHeader("Subject", null);
        if (raw == null) {
            return "(no subject)";
        }
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(raw)).strip();
        } catch (UnsupportedEncodingException e) {
            return MimeUtility.unfold(raw).strip();
        }
    }

    /** Prints where the outbox is and the replies in it, the first in full. */
    private void showOutbox(Path outbox, String shownOutbox, boolean nothingNew) throws IOException {
        List<Path> replies = new ArrayList<>();
        for (String dir : new String[] {"new", "cur"}) {
            Path d = outbox.resolve(dir);
            if (Files.isDirectory(d)) {
                try (Stream<Path> files = Files.list(d)) {
                    files.filter(Files::isRegularFile).sorted().forEach(replies::add);
                }
            }
        }
        out.println();
        if (nothingNew) {
            out.println("Nothing new since the last run: nothing reviewed, nothing written.");
        }
        if (replies.isEmpty()) {
            out.println("The outbox " + shownOutbox + " is empty.");
            out.flush();
            return;
        }
        out.println("The outbox Maildir " + shownOutbox + " holds " + replies.size() + " review repl"
                + (replies.size() == 1 ? "y" : "ies") + ", as they would go to the list:");
        for (Path reply : replies) {
            InternetHeaders h = headers(Files.readString(reply, StandardCharsets.ISO_8859_1));
            out.println("  " + shownOutbox + "/" + outbox.relativize(reply) + "  " + subject(h));
        }
        Path shown = replies.get(0);
        out.println();
        out.println("$ cat " + shownOutbox + "/" + outbox.relativize(shown));
        out.print(Files.readString(shown, StandardCharsets.UTF_8));
        out.flush();
    }
}
