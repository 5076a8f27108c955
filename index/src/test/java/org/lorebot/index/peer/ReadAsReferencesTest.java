package org.lorebot.index.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lorebot.index.peer.PeerArchive.ids;
import static org.lorebot.index.peer.PeerArchive.ingest;
import static org.lorebot.index.peer.PeerArchive.mbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lorebot.index.MailIndex;
import org.lorebot.index.fixture.PeerCorpus;
import org.lorebot.index.ingest.IngestSummary;
import org.lorebot.index.mail.MailMessage;
import org.lorebot.index.mail.MailParser;

/** Issue 11, "read as the references read it": mbox splitting, charsets, octet-stream parts. */
class ReadAsReferencesTest {

    private final MailParser parser = new MailParser();

    /**
     * {@code mbox/leading-blank.mbox} starts with blank lines; {@code sample-mid.mboxrd} has an
     * unescaped {@code From } sentence with no blank line before it. The answer is what the real
     * {@code git mailsplit} counts in each (2 and 2 on this corpus).
     */
    @Test
    void mboxesSplitAsGitMailsplitSplitsThem(@TempDir Path tmp) throws Exception {
        for (String name : List.of("leading-blank.mbox", "sample-mid.mboxrd")) {
            Path file = PeerCorpus.file("mbox/" + name);
            int reference = gitMailsplitCount(file, tmp.resolve("split-" + name));
            try (MailIndex index = MailIndex.open(tmp.resolve("data-" + name))) {
                IngestSummary summary = ingest(index, "mbox", file);
                assertEquals(reference, summary.read(), name + ": git mailsplit reads " + reference);
                assertEquals(reference, summary.added(), summary.toString());
                assertEquals(List.of(), summary.problems(), name);
            }
        }
    }

    /**
     * ISO-2022-JP writes Japanese in ASCII bytes and UTF-7 writes accents in ASCII; public-inbox
     * indexes the decoded words ({@code crafted-mime/jp-subject.eml} is "こんにちは",
     * {@code utf7.eml} "été", {@code public-inbox/t/iso-2202-jp.eml} "けいじゅ").
     */
    @Test
    void sevenBitCharsetsAreDecodedInHeadersAndBodies(@TempDir Path tmp) throws Exception {
        MailMessage jp = parser.parse(PeerCorpus.bytes("crafted-mime/jp-subject.eml"));
        assertEquals("こんにちは", jp.subject());
        assertEquals("テストです", jp.body().strip());
        MailMessage utf7 = parser.parse(PeerCorpus.bytes("crafted-mime/utf7.eml"));
        assertEquals("été", utf7.subject());
        assertEquals("été", utf7.body().strip());
        MailMessage ruby = parser.parse(PeerCorpus.bytes("public-inbox/t/iso-2202-jp.eml"));
        assertTrue(ruby.body().contains("けいじゅ"), ruby.body());

        Path mbox = mbox(tmp, "charsets.mbox", "crafted-mime/jp-subject.eml", "crafted-mime/utf7.eml");
        try (MailIndex index = MailIndex.open(tmp.resolve("data"))) {
            ingest(index, "charsets", mbox);
            assertEquals(List.of("jp1@example.jp"), ids(index, "s:こんにちは"));
            assertEquals(List.of("u7@example.org"), ids(index, "s:été"));
        }
    }

    /**
     * Patches attached as {@code application/octet-stream} ({@code .patch}, {@code .txt}):
     * git mailinfo extracts the patch from both, and public-inbox indexes printable octet-stream
     * parts as text, so {@code dfb:} finds the GFP_DMA line.
     */
    @Test
    void printableOctetStreamAttachmentsAreBodyText(@TempDir Path tmp) throws Exception {
        Path mbox = mbox(tmp, "octet.mbox", "crafted-mime/mime-02-octet-dotpatch.eml",
                "crafted-mime/mime-03-octet-dottxt.eml");
        try (MailIndex index = MailIndex.open(tmp.resolve("data"))) {
            ingest(index, "mime", mbox);
            assertEquals(List.of("mime-02@example.org"), ids(index, "dfb:zqmark02"));
            assertEquals(List.of("mime-03@example.org"), ids(index, "dfb:zqmark03"));
            assertEquals(List.of("mime-03@example.org"), ids(index, "n:fix.txt"),
                    "n: finds the attachment by its file name");
        }
    }

    /**
     * From display names as git mailinfo reads them ({@code expected/N.nih.info}'s Author, the
     * header alone): folding whitespace collapsed, comments kept ({@code 0001}: "A (zzz) U Thor
     * (Comment)", {@code comment.in}), and public-inbox's {@code f:} finds the comment's words.
     */
    @Test
    void fromDisplayNamesAreReadAsGitMailinfoReadsThem(@TempDir Path tmp) throws Exception {
        Path messages = PeerCorpus.file("git-mailinfo/messages");
        Path expected = PeerCorpus.file("git-mailinfo/expected");
        List<String> differences = new java.util.ArrayList<>();
        int compared = 0;
        try (var files = Files.list(messages)) {
            for (Path mail : files.sorted().toList()) {
                Path info = expected.resolve(mail.getFileName() + ".nih.info");
                if (!Files.exists(info)) {
                    continue;
                }
                String author = Files.readAllLines(info, StandardCharsets.UTF_8).stream()
                        .filter(l -> l.startsWith("Author:")).findFirst().orElse("Author:").substring(7).strip();
                MailMessage m = parser.parse(Files.readAllBytes(mail));
                String name = m.from().name().isEmpty() ? m.from().address() : m.from().name();
                compared++;
                if (!name.equals(author)) {
                    differences.add(mail.getFileName() + ": git [" + author + "] lorebot [" + name + "]");
                }
            }
        }
        assertTrue(compared > 30, "compared " + compared);
        assertEquals(List.of(), differences);

        Path mbox = mbox(tmp, "from.mbox", "git-mailinfo/messages/0001", "git-mailinfo/messages/comment.in");
        try (MailIndex index = MailIndex.open(tmp.resolve("data"))) {
            ingest(index, "from", mbox);
            assertEquals(1, ids(index, "f:zzz").size(), "the comment of 0001");
            assertEquals(1, ids(index, "f:honestly").size(), "the nested comment of comment.in");
        }
    }

    private static int gitMailsplitCount(Path mbox, Path out) throws IOException, InterruptedException {
        Files.createDirectories(out);
        Process git = new ProcessBuilder("git", "mailsplit", "-o" + out, mbox.toString())
                .redirectErrorStream(true).start();
        String output = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(git.waitFor(60, TimeUnit.SECONDS) && git.exitValue() == 0, output);
        return Integer.parseInt(output);
    }
}
