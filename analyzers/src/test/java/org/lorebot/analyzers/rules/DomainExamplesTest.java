package org.lorebot.analyzers.rules;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.lorebot.analyzers.finding.Finding;
import org.lorebot.analyzers.finding.Severity;
import org.lorebot.analyzers.patch.UnifiedDiffParser;

/**
 * Every snippet of domain/examples/DMA0xx.md, added to its kernel file by a patch: each
 * "Fires" snippet must make its rule fire, each "Must not fire" and "After" snippet must not,
 * and "info only" snippets may fire only as info.
 */
class DomainExamplesTest {
    private static final Pattern HEADING = Pattern.compile("^\\*\\*(.+?)\\*\\*(.*)$");
    private static final Pattern PATH = Pattern.compile("`([a-z0-9_/.-]+\\.[ch])`");

    /** Facts an example states in prose rather than in its snippet. */
    private static final Map<String, String> HUNK_HEADINGS = Map.of(
            "DMA023/1", "static int happy_meal_sbus_probe_one(struct platform_device *op, int is_qfe)");

    /**
     * Snippets that cannot be judged from their own text, with the reason. The checker reads
     * patches, so it can only see what a patch shows.
     */
    private static final Map<String, String> BEYOND_THE_SNIPPET = Map.of(
            "DMA015/1", "the stack buffer reaches dma_map_single() in another function; "
                    + "the snippet shows that only in a comment");

    private enum Expect { FIRES, NONE, INFO_AT_MOST }

    private record Example(String rule, int number, String heading, String path, List<String> code,
                           Expect expect, List<Example> companions) { }

    @TestFactory
    Stream<DynamicTest> examples() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (int n = 1; n <= 25; n++) {
            String rule = String.format("DMA%03d", n);
            for (Example e : parse(rule, read("/domain/examples/" + rule + ".md"))) {
                String key = rule + "/" + e.number;
                if (BEYOND_THE_SNIPPET.containsKey(key)) {
                    continue;
                }
                tests.add(DynamicTest.dynamicTest(key + " " + e.expect + ": " + e.heading, () -> run(e)));
            }
        }
        assertTrue(tests.size() >= 60, "expected the examples to yield many cases, got " + tests.size());
        return tests.stream();
    }

    private static void run(Example e) {
        StringBuilder diff = new StringBuilder();
        appendFile(diff, e);
        for (Example c : e.companions) {
            appendFile(diff, c);
        }
        List<Finding> findings = DmaChecker.check(UnifiedDiffParser.parse(diff.toString()));
        List<Finding> mine = findings.stream().filter(f -> f.ruleId().equals(e.rule)).toList();
        switch (e.expect) {
            case FIRES -> assertFalse(mine.isEmpty(), e.rule + " should fire on\n" + diff + "\nfindings: " + findings);
            case NONE -> assertTrue(mine.isEmpty(), e.rule + " must not fire on\n" + diff + "\nfindings: " + mine);
            case INFO_AT_MOST -> assertTrue(mine.stream().allMatch(f -> f.severity() == Severity.INFO),
                    e.rule + " may only be info on\n" + diff + "\nfindings: " + mine);
        }
    }

    /** Writes the snippet as one hunk: plain code becomes added lines, a diff stays a diff. */
    private static void appendFile(StringBuilder out, Example e) {
        boolean isDiff = e.code.stream().anyMatch(l -> l.startsWith("+")) && e.code.stream().anyMatch(l -> l.startsWith("-"));
        List<String> lines = new ArrayList<>();
        int oldCount = 0;
        int newCount = 0;
        for (String l : e.code) {
            if (isDiff && (l.startsWith("+") || l.startsWith("-"))) {
                lines.add(l);
                if (l.startsWith("+")) {
                    newCount++;
                } else {
                    oldCount++;
                }
            } else if (isDiff) {
                lines.add(" " + l);
                oldCount++;
                newCount++;
            } else {
                lines.add("+" + l);
                newCount++;
            }
        }
        String heading = HUNK_HEADINGS.getOrDefault(e.rule + "/" + e.number, "");
        out.append("diff --git a/").append(e.path).append(" b/").append(e.path).append('\n')
                .append("--- a/").append(e.path).append('\n')
                .append("+++ b/").append(e.path).append('\n')
                .append("@@ -100,").append(oldCount).append(" +100,").append(newCount).append(" @@ ")
                .append(heading).append('\n');
        for (String l : lines) {
            out.append(l).append('\n');
        }
    }

    private static List<Example> parse(String rule, String markdown) {
        List<Example> out = new ArrayList<>();
        String[] lines = markdown.split("\n", -1);
        String heading = null;
        String rest = "";
        int number = 0;
        for (int i = 0; i < lines.length; i++) {
            Matcher m = HEADING.matcher(lines[i]);
            if (m.matches()) {
                heading = m.group(1);
                rest = m.group(2);
                continue;
            }
            if (lines[i].startsWith("```c") && heading != null) {
                List<String> code = new ArrayList<>();
                for (i++; i < lines.length && !lines[i].startsWith("```"); i++) {
                    code.add(lines[i]);
                }
                Matcher p = PATH.matcher(heading + rest);
                String path = p.find() ? p.group(1) : "drivers/example/constructed.c";
                Expect expect = classify(heading);
                number++;
                Example e = new Example(rule, number, heading, path, code, expect, new ArrayList<>());
                if (heading.startsWith("...") || heading.startsWith("(")) {
                    // continuation of the previous example: part of the same patch
                    if (!out.isEmpty()) {
                        out.get(out.size() - 1).companions.add(e);
                    }
                } else if (expect != null) {
                    out.add(e);
                }
                heading = null;
            }
        }
        return out;
    }

    private static Expect classify(String heading) {
        String h = heading.toLowerCase();
        if (h.startsWith("must not fire / info only") || h.startsWith("info only") || h.startsWith("must not fire as a bug")) {
            return Expect.INFO_AT_MOST;
        }
        if (h.startsWith("must not fire") || h.startsWith("after") || h.startsWith("real fix")) {
            return Expect.NONE;
        }
        if (h.startsWith("fires") || h.startsWith("how it got there")) {
            return Expect.FIRES;
        }
        return null;
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = DomainExamplesTest.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
