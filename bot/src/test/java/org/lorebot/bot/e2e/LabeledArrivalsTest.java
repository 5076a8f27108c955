package org.lorebot.bot.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lorebot.bot.cli.CommandRun;
import org.lorebot.bot.series.LabeledCorpus;
import org.lorebot.index.MailIndex;

/**
 * The Feb-2022 "Don't use kmalloc() with GFP_DMA" discussion is the list's history; every other
 * labelled real message arrives as new mail on a list the bot answers on (dry-run): a reply
 * lands in the outbox for each patch with expected findings, naming the rules the labels
 * require, and none for anything labelled {@code none}; every earlier discussion a reply cites is
 * a message of the archive.
 */
class LabeledArrivalsTest {

    private static final Instant FIRST_RUN = Instant.parse("2026-11-21T18:00:00Z");
    private static final Pattern CITED = Pattern.compile("https://lore\\.kernel\\.org/lkml/([^/\\s]+)/");

    @TempDir
    Path dir;

    @Test
    void repliesToExactlyThePatchesWithFindings() throws Exception {
        Path mbox = Files.createFile(dir.resolve("lkml.mbox"));
        List<String[]> labels = new ArrayList<>(LabeledCorpus.labels());
        labels.sort(Comparator.comparing((String[] l) -> sentDate(l[0])));
        List<String[]> history = labels.stream().filter(l -> l[0].contains("-bhe-")).toList();
        for (String[] label : history) {
            String mboxrd = Mail.labelled(label[0]).replaceAll("(?m)^(>*From )", ">$1");
            Files.writeString(mbox, "From mboxrd@z Thu Jan  1 00:00:00 1970\n" + mboxrd + "\n",
                    StandardCharsets.ISO_8859_1, StandardOpenOption.APPEND);
        }
        Path config = Files.writeString(dir.resolve("lorebot.conf"), """
                [core]
                    data = data
                [inbox "lkml"]
                    path = lkml.mbox
                    address = linux-kernel@vger.kernel.org
                [review]
                    lists = lkml
                [delivery]
                    from = lorebot <lorebot@example.org>
                """);
        TestClock clock = new TestClock(FIRST_RUN);
        assertEquals(0, CommandRun.lorebot(clock, "run", "--config", config.toString(), "--once").exit());

        // the rest arrives in the order it was first posted, a minute apart
        Map<String, String> expected = new TreeMap<>(); // Message-ID -> required rules
        Instant at = FIRST_RUN.plus(Duration.ofMinutes(5));
        for (String[] label : labels) {
            if (history.contains(label)) {
                continue;
            }
            String message = Mail.labelled(label[0]);
            String mboxrd = Mail.postedAt(message, at).replaceAll("(?m)^(>*From )", ">$1");
            Files.writeString(mbox, "From mboxrd@z Thu Jan  1 00:00:00 1970\n" + mboxrd + "\n",
                    StandardCharsets.ISO_8859_1, StandardOpenOption.APPEND);
            if (!label[2].equals("none")) {
                expected.put("<" + LabeledCorpus.read(label[0]).messageId() + ">", label[2]);
            }
            at = at.plus(Duration.ofMinutes(1));
        }

        clock.set(at.plus(Duration.ofHours(1)));
        CommandRun run = CommandRun.lorebot(clock, "run", "--config", config.toString(), "--once");
        assertEquals(0, run.exit(), run.toString());

        Map<String, String> replies = new TreeMap<>(); // In-Reply-To -> body
        for (MimeMessage m : Mail.maildir(dir.resolve("data/outbox"))) {
            replies.put(m.getHeader("In-Reply-To", null), Mail.body(m));
        }
        assertEquals(expected.keySet(), replies.keySet(), run.toString());
        TreeSet<String> cited = new TreeSet<>();
        for (Map.Entry<String, String> e : expected.entrySet()) {
            String body = replies.get(e.getKey());
            for (String rule : e.getValue().split(";")) {
                if (!rule.startsWith("(")) {
                    assertTrue(body.contains(rule), e.getKey() + " lacks " + rule + ":\n" + body);
                }
            }
            Matcher c = CITED.matcher(body);
            while (c.find()) {
                cited.add(c.group(1));
            }
        }
        assertTrue(!cited.isEmpty(), "no reply cites earlier discussion");
        try (MailIndex index = MailIndex.open(dir.resolve("data"))) {
            for (String id : cited) {
                assertTrue(index.message(id).isPresent(), "cited but not in the archive: " + id);
            }
        }
    }

    private static Instant sentDate(String file) {
        try {
            return LabeledCorpus.read(file).date();
        } catch (Exception e) {
            throw new IllegalStateException(file, e);
        }
    }
}
