package org.lorebot.bot.bench;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.lorebot.bot.cli.CommandRun;
import org.lorebot.bot.series.LabeledCorpus;

/**
 * How long review replies are: every message of the labelled corpus arrives as new mail on a
 * list the bot answers on (dry-run, as {@code LabeledArrivalsTest} does), and the replies in the
 * outbox are measured: body lines above the signature, per finding (the findings {@code lorebot
 * check --min-severity=warning} reports for the patch, what a reply covers). Not a test: run it
 * by hand (docs/BENCHMARKS.md).
 *
 * <pre>
 * cd bot && java -cp target/lorebot.jar:target/test-classes org.lorebot.bot.bench.ReplyLengthBenchmark WORKDIR
 * </pre>
 */
public final class ReplyLengthBenchmark {

    private static final Pattern FINDING = Pattern.compile("\"rule\" : ");

    private ReplyLengthBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "reply-length-bench"));
        Path mbox = dir.resolve("lkml.mbox");
        Files.deleteIfExists(mbox);
        Files.createFile(mbox);
        Path config = Files.writeString(dir.resolve("lorebot.conf"), """
                [core]
                    data = data
                [inbox "lkml"]
                    path = lkml.mbox
                    address = linux-kernel@vger.kernel.org
                [review]
                    lists = lkml
                    max-per-hour = 1000
                    max-per-list-per-day = 1000
                    grace = 1s
                """);
        CommandRun.lorebot("run", "--config", config.toString(), "--once");
        Map<String, Path> labelled = new HashMap<>(); // Message-ID -> labelled file
        StringBuilder arrivals = new StringBuilder();
        Instant at = Instant.now().minus(Duration.ofMinutes(40));
        for (String[] label : LabeledCorpus.labels()) {
            String message = Files.readString(LabeledCorpus.DIR.resolve(label[0]), StandardCharsets.ISO_8859_1)
                    .replace("\r\n", "\n");
            arrivals.append("From mboxrd@z Thu Jan  1 00:00:00 1970\n")
                    .append(redate(message, at).replaceAll("(?m)^(>*From )", ">$1")).append('\n');
            at = at.plusSeconds(60);
            labelled.put("<" + LabeledCorpus.read(label[0]).messageId() + ">", LabeledCorpus.DIR.resolve(label[0]));
        }
        Files.writeString(mbox, arrivals, StandardCharsets.ISO_8859_1, StandardOpenOption.APPEND);
        CommandRun run = CommandRun.lorebot("run", "--config", config.toString(), "--once");
        if (run.exit() != 0) {
            throw new IllegalStateException(run.toString());
        }
        int replies = 0;
        int lines = 0;
        int findings = 0;
        try (Stream<Path> files = Files.list(dir.resolve("data/outbox/new"))) {
            for (Path f : files.sorted().toList()) {
                MimeMessage m;
                try (InputStream in = Files.newInputStream(f)) {
                    m = new MimeMessage(Session.getInstance(new Properties()), in);
                }
                List<String> body = ((String) m.getContent()).replace("\r\n", "\n").lines().toList();
                int end = body.indexOf("-- ");
                List<String> text = body.subList(0, end < 0 ? body.size() : end);
                String json = CommandRun.lorebot("check", "--json", "--min-severity=warning",
                        labelled.get(m.getHeader("In-Reply-To", null)).toString()).out();
                int n = (int) FINDING.matcher(json).results().count();
                System.out.printf("%-60s %3d lines %2d findings%n", m.getHeader("In-Reply-To", null), text.size(), n);
                replies++;
                lines += text.size();
                findings += n;
            }
        }
        System.out.printf("%d replies, %d findings, %d lines above the signature: %.1f lines per finding%n",
                replies, findings, lines, (double) lines / findings);
    }

    private static String redate(String message, Instant at) {
        int end = message.indexOf("\n\n");
        StringBuilder head = new StringBuilder();
        for (String line : message.substring(0, end).split("\n")) {
            if (line.regionMatches(true, 0, "Date:", 0, 5)) {
                line = "Date: " + java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                        .withZone(java.time.ZoneOffset.UTC).format(at);
            }
            head.append(line).append('\n');
        }
        return head + message.substring(end + 1);
    }
}
