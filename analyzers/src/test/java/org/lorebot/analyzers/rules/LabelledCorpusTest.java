package org.lorebot.analyzers.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.lorebot.analyzers.finding.Finding;
import org.lorebot.analyzers.patch.Patch;
import org.lorebot.analyzers.patch.PatchParser;

/**
 * The labelled real messages of corpus/labeled: decoded (quoted-printable, base64),
 * parsed as patches and checked. Every required rule must be reported, nothing outside the
 * required and allowed ids may be, and "none" means no finding at all.
 */
class LabelledCorpusTest {

    private record Label(String file, String kind, Set<String> required, Set<String> allowed) { }

    @TestFactory
    Stream<DynamicTest> labelledMessages() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Label label : labels()) {
            tests.add(DynamicTest.dynamicTest(label.file + " (" + label.kind + ")", () -> check(label)));
        }
        assertEquals(30, tests.size(), "labels.tsv rows");
        return tests.stream();
    }

    private static void check(Label label) throws Exception {
        List<Finding> findings = DmaChecker.check(parse(label.file));
        Set<String> reported = new TreeSet<>();
        for (Finding f : findings) {
            reported.add(f.ruleId());
        }
        String detail = label.file + " reported " + describe(findings);
        assertTrue(reported.containsAll(label.required), "missing " + label.required + ": " + detail);
        for (String id : reported) {
            assertTrue(label.required.contains(id) || label.allowed.contains(id),
                    id + " is not expected: " + detail);
        }
    }

    static Patch parse(String file) throws MessagingException, IOException {
        try (InputStream in = LabelledCorpusTest.class.getResourceAsStream("/corpus/labeled/" + file)) {
            if (in == null) {
                throw new IOException("missing corpus file " + file);
            }
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
            String subject = message.getSubject() == null ? "" : message.getSubject();
            return PatchParser.parse(subject, plainText(message));
        }
    }

    /** The first text/plain part, decoded. */
    private static String plainText(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            Object content = part.getContent();
            if (content instanceof String s) {
                return s;
            }
            try (InputStream in = part.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        if (part.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) part.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart child = mp.getBodyPart(i);
                String text = plainText(child);
                if (!text.isEmpty()) {
                    return text;
                }
            }
        }
        return "";
    }

    private static String describe(List<Finding> findings) {
        StringBuilder sb = new StringBuilder();
        for (Finding f : findings) {
            sb.append("\n  ").append(f.path()).append(':').append(f.line()).append(' ').append(f.ruleId())
                    .append(' ').append(f.severity().word()).append(": ").append(f.message());
        }
        return sb.length() == 0 ? "nothing" : sb.toString();
    }

    private static List<Label> labels() throws IOException {
        List<Label> out = new ArrayList<>();
        try (InputStream in = LabelledCorpusTest.class.getResourceAsStream("/corpus/labeled/labels.tsv")) {
            if (in == null) {
                throw new IOException("missing labels.tsv");
            }
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 1; i < lines.length; i++) {
                if (lines[i].isBlank()) {
                    continue;
                }
                String[] cols = lines[i].split("\t");
                Set<String> required = new TreeSet<>();
                Set<String> allowed = new TreeSet<>();
                if (!cols[2].strip().equals("none")) {
                    for (String id : cols[2].split(";")) {
                        String s = id.strip();
                        if (s.startsWith("(")) {
                            allowed.add(s.substring(1, s.length() - 1));
                        } else if (!s.isEmpty()) {
                            required.add(s);
                        }
                    }
                }
                out.add(new Label(cols[0], cols[1], required, allowed));
            }
        }
        return out;
    }
}
