package org.lorebot.bot.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Attachments are listed as public-inbox lists them and downloadable at its URLs. */
class AttachmentsTest {

    private static final String ID = "config-report@example.org";

    @TempDir
    Path dir;

    @Test
    void attachmentsAreListedAndServedByPartNumberAndName() throws Exception {
        byte[] config = gzip("CONFIG_MTD=y\nCONFIG_MTD_RAW_NAND=m\n");
        String patch = "--- a/f.c\n+++ b/f.c\n@@ -1 +1 @@\n-a\n+b\n";
        String mail = "From: Robot <lkp@example.org>\nTo: linux-mtd@lists.infradead.org\n"
                + "Subject: [mtd:nand/next] build failure\nDate: Tue, 2 Jan 2024 08:00:00 +0000\n"
                + "Message-ID: <" + ID + ">\nMIME-Version: 1.0\n"
                + "Content-Type: multipart/mixed; boundary=\"b1\"\n\n"
                + "--b1\nContent-Type: text/plain; charset=us-ascii\n\nThe build fails; config attached.\n"
                + "--b1\nContent-Type: application/gzip\nContent-Disposition: attachment; filename=\".config.gz\"\n"
                + "Content-Transfer-Encoding: base64\n\n" + Base64.getMimeEncoder().encodeToString(config) + "\n"
                + "--b1\nContent-Type: text/x-patch; charset=us-ascii; name=\"fix.patch\"\n\n" + patch + "\n"
                + "--b1--\n";
        try (MboxArchive archive = MboxArchive.serve(dir, "linux-mtd", List.of(mail))) {
            String page = Http.text(Http.get(archive.base() + "/linux-mtd/" + ID + "/"));
            assertTrue(page.contains("[-- <a href=\"2-.config.gz\">Attachment #2: .config.gz</a> --]\n"
                    + "[-- Type: application/gzip, Size: " + config.length + " bytes --]"), page);
            assertTrue(page.contains("<a href=\"3-fix.patch\">Attachment #3: fix.patch</a>"), page);

            HttpResponse<byte[]> gz = Http.get(archive.base() + "/linux-mtd/" + ID + "/2-.config.gz");
            assertEquals(200, gz.statusCode());
            assertArrayEquals(config, gz.body(), "the decoded bytes");
            assertEquals("application/octet-stream", gz.headers().firstValue("Content-Type").orElse(""));
            HttpResponse<byte[]> text = Http.get(archive.base() + "/linux-mtd/" + ID + "/3-a.bin");
            assertEquals(patch, Http.text(text), "the part number decides, as on lore (the line end before a boundary is the boundary's)");
            assertEquals("text/plain; charset=utf-8", text.headers().firstValue("Content-Type").orElse(""));
            assertEquals(404, Http.get(archive.base() + "/linux-mtd/" + ID + "/9-a.bin").statusCode());
        }
    }

    private static byte[] gzip(String text) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
