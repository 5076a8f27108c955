package org.lorebot.index.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A patch sent as format=flowed (Thunderbird's default) is read the way {@code git am} reads
 * it: the real {@code git mailinfo} is the reference. Search and pages keep the lines as sent.
 */
class FlowedPatchTest {

    private static final String HEADERS = """
            From: A Developer <dev@example.org>
            To: linux-foo@vger.kernel.org
            Subject: [PATCH] foo: allocate the buffer for the DMA engine
            Date: Tue, 1 Mar 2022 10:00:00 +0100
            Message-ID: <flowed@example.org>
            MIME-Version: 1.0
            Content-Type: text/plain; charset=UTF-8; format=flowed%s
            Content-Transfer-Encoding: 7bit

            """;

    // Space-stuffed context lines, and an added line the client broke after "SZ, ".
    private static final String BODY = """
            The engine needs a bounce buffer.\s
            Allocate it at probe time.

            Signed-off-by: A Developer <dev@example.org>
            ---
              drivers/foo.c | 2 +-
              1 file changed, 1 insertion(+), 1 deletion(-)

            diff --git a/drivers/foo.c b/drivers/foo.c
            index 1111111..2222222 100644
            --- a/drivers/foo.c
            +++ b/drivers/foo.c
            @@ -1,3 +1,3 @@
              int a;
            -\tbuf = kmalloc(SZ, GFP_KERNEL);
            +\tbuf = kmalloc(SZ,\s
            GFP_KERNEL | GFP_DMA);
              int b;
            --\s
            2.39.2
            """;

    @TempDir
    Path tmp;

    @Test
    void aFlowedPatchIsReadAsGitMailinfoReadsIt() throws Exception {
        byte[] mail = (HEADERS.formatted("") + BODY).getBytes(StandardCharsets.UTF_8);
        MailMessage m = new MailParser().parse(mail);

        String ours = fromDiff(m.patchText());
        assertEquals(fromDiff(gitMailinfoPatch(mail)), ours);
        assertTrue(ours.contains("\n+\tbuf = kmalloc(SZ, GFP_KERNEL | GFP_DMA);\n"), ours);
        assertTrue(ours.contains("\n int a;\n"), "space-stuffing undone: " + ours);
        assertTrue(m.body().contains("+\tbuf = kmalloc(SZ, \nGFP_KERNEL | GFP_DMA);"),
                "the body keeps the lines as sent: " + m.body());
    }

    @Test
    void delspRemovesTheSpaceOfEachSoftBreak() throws Exception {
        byte[] mail = (HEADERS.formatted("; delsp=yes") + BODY).getBytes(StandardCharsets.UTF_8);
        MailMessage m = new MailParser().parse(mail);
        String ours = fromDiff(m.patchText());
        assertEquals(fromDiff(gitMailinfoPatch(mail)), ours);
        assertTrue(ours.contains("\n+\tbuf = kmalloc(SZ,GFP_KERNEL | GFP_DMA);\n"), ours);
    }

    @Test
    void aMailThatIsNotFlowedIsReadAsItIs() throws Exception {
        byte[] mail = (HEADERS.formatted("").replace("; format=flowed", "") + BODY)
                .getBytes(StandardCharsets.UTF_8);
        MailMessage m = new MailParser().parse(mail);
        assertNull(m.unflowedBody());
        assertEquals(m.body(), m.patchText());
    }

    private static String fromDiff(String text) {
        return text.substring(text.indexOf("diff --git"));
    }

    private String gitMailinfoPatch(byte[] mail) throws IOException, InterruptedException {
        Path in = Files.write(tmp.resolve("mail"), mail);
        Process git = new ProcessBuilder("git", "mailinfo", "-u", tmp.resolve("msg").toString(),
                tmp.resolve("patch").toString())
                .redirectInput(in.toFile()).redirectOutput(tmp.resolve("info").toFile())
                .redirectErrorStream(false).start();
        if (!git.waitFor(30, TimeUnit.SECONDS) || git.exitValue() != 0) {
            throw new IOException("git mailinfo failed: " + new String(git.getErrorStream().readAllBytes()));
        }
        return Files.readString(tmp.resolve("patch"));
    }
}
