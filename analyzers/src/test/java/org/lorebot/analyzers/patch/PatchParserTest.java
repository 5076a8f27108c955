package org.lorebot.analyzers.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PatchParserTest {

    static final String BODY = """
            From: Real Author <real@example.org>

            The buffer is handed to dma_map_single(), so allocate it with
            dma_alloc_noncoherent() instead.

            Fixes: 0123456789ab ("mtd: add foo")
            Reported-by: Someone Else <else@example.org>
            Link: https://lore.kernel.org/r/20200101.1234-1-x@y
            Signed-off-by: Real Author <real@example.org>
            ---
             drivers/mtd/foo.c | 3 ++-
             1 file changed, 2 insertions(+), 1 deletion(-)

            diff --git a/drivers/mtd/foo.c b/drivers/mtd/foo.c
            index 1111111..2222222 100644
            --- a/drivers/mtd/foo.c
            +++ b/drivers/mtd/foo.c
            @@ -10,3 +10,4 @@ static int foo_probe(struct platform_device *pdev)
             {
            -\tbuf = kmalloc(SZ, GFP_KERNEL | GFP_DMA);
            +\tbuf = dma_alloc_noncoherent(dev, SZ, &addr,
            +\t\t\t\t     DMA_FROM_DEVICE, GFP_KERNEL);
             \tif (!buf)
            --\s
            2.30.0

            base-commit: abcdef0123456789abcdef0123456789abcdef01
            change-id: 20200101-foo-1234
            """;

    @Test
    void commitMessageTrailersDiffstatAndToolLines() {
        Patch p = PatchParser.parse("[PATCH v2] mtd: foo: use dma_alloc_noncoherent", BODY);
        assertEquals("Real Author <real@example.org>", p.inBodyFrom());
        assertTrue(p.commitMessage().startsWith("The buffer is handed"));
        assertTrue(p.commitMessage().endsWith("Signed-off-by: Real Author <real@example.org>"));
        assertEquals(List.of("0123456789ab (\"mtd: add foo\")"), p.trailerValues("fixes"));
        assertEquals(1, p.trailerValues("Reported-by").size());
        assertEquals(List.of("abcdef0123456789abcdef0123456789abcdef01"),
                p.trailerValues("base-commit"));
        assertEquals(Optional.of("20200101-foo-1234"), p.changeId());
        assertTrue(p.diffstat().startsWith("drivers/mtd/foo.c | 3 ++-"));
        assertEquals(2, p.tags().version());
    }

    @Test
    void hunkEndsByItsCountsSoTheSignatureIsNotARemovedLine() {
        Patch p = PatchParser.parse("[PATCH] x", BODY);
        Hunk h = p.files().get(0).hunks().get(0);
        assertEquals(5, h.lines().size(), "the '-- ' signature line must stay out of the hunk");
        assertEquals("static int foo_probe(struct platform_device *pdev)", h.heading());
        DiffLine second = h.lines().get(3);
        assertEquals(DiffLine.Kind.ADDED, second.kind());
        assertEquals("\t\t\t\t     DMA_FROM_DEVICE, GFP_KERNEL);", second.text());
        assertEquals(12, second.newLine());
        assertEquals(13, h.lines().get(4).newLine());
        assertEquals(12, h.lines().get(4).oldLine());
    }

    @Test
    void crlfLineEndsParseTheSame() {
        Patch lf = PatchParser.parse("[PATCH] x", BODY);
        Patch crlf = PatchParser.parse("[PATCH] x", BODY.replace("\n", "\r\n"));
        assertEquals(lf.files(), crlf.files());
        assertEquals(lf.patchId(), crlf.patchId());
    }

    @Test
    void aQuotedDiffInAReplyIsNotAPatch() {
        String reply = """
                On Mon, 1 Jan 2020, Real Author wrote:
                > diff --git a/drivers/mtd/foo.c b/drivers/mtd/foo.c
                > --- a/drivers/mtd/foo.c
                > +++ b/drivers/mtd/foo.c
                > @@ -10,4 +10,5 @@
                > +\tbuf = kmalloc(SZ, GFP_KERNEL | GFP_DMA);

                Why GFP_DMA here?
                """;
        Patch p = PatchParser.parse("Re: [PATCH] mtd: foo", reply);
        assertFalse(p.hasDiff());
        assertNull(p.patchId());
        assertTrue(p.tags().reply());
        assertFalse(p.isCoverLetter());
    }

    @Test
    void coverLetterHasNoDiff() {
        String cover = """
                This series stops using GFP_DMA with dma_alloc_coherent().

                Baoquan He (2):
                  mtd: a
                  mtd: b

                 drivers/mtd/a.c | 2 +-
                 2 files changed, 2 insertions(+), 2 deletions(-)
                """;
        Patch p = PatchParser.parse("[PATCH 0/2] Don't use GFP_DMA", cover);
        assertTrue(p.isCoverLetter());
        assertFalse(p.hasDiff());
    }

    @Test
    void truncatedHunkKeepsWhatArrived() {
        String cut = """
                diff --git a/a.c b/a.c
                --- a/a.c
                +++ b/a.c
                @@ -1,5 +1,6 @@
                 int a;
                +int b;
                """;
        Patch p = PatchParser.parse("[PATCH] x", cut);
        assertEquals(2, p.files().get(0).hunks().get(0).lines().size());
    }

    @Test
    void plainUnifiedDiffWithoutGitHeader() {
        String plain = """
                --- linux.orig/mm/slab.c\t2020-01-01 00:00:00
                +++ linux/mm/slab.c\t2020-01-02 00:00:00
                @@ -1 +1 @@
                -a
                +b
                """;
        List<FileDiff> files = UnifiedDiffParser.parse(plain);
        assertEquals(1, files.size());
        assertEquals("mm/slab.c", files.get(0).path());
        assertEquals(FileChange.MODIFIED, files.get(0).change());
        String prefixed = plain.replace("linux.orig/", "a/").replace("linux/", "b/");
        assertEquals("mm/slab.c", UnifiedDiffParser.parse(prefixed).get(0).path());
    }

    @Test
    void newAndDeletedFilesAndNoNewlineMarker() {
        String text = """
                diff --git a/drivers/new.c b/drivers/new.c
                new file mode 100644
                index 0000000..1111111
                --- /dev/null
                +++ b/drivers/new.c
                @@ -0,0 +1,2 @@
                +int a;
                +int b;
                \\ No newline at end of file
                diff --git a/drivers/old.c b/drivers/old.c
                deleted file mode 100644
                index 1111111..0000000
                --- a/drivers/old.c
                +++ /dev/null
                @@ -1 +0,0 @@
                -int c;
                """;
        List<FileDiff> files = UnifiedDiffParser.parse(text);
        assertEquals(2, files.size());
        assertEquals(FileChange.ADDED, files.get(0).change());
        assertNull(files.get(0).oldPath());
        assertEquals("100644", files.get(0).newMode());
        assertEquals(2, files.get(0).hunks().get(0).lines().size());
        assertEquals(FileChange.DELETED, files.get(1).change());
        assertEquals("drivers/old.c", files.get(1).path());
    }

    @Test
    void quotedPathsAreUnquoted() {
        String text = """
                diff --git "a/dir/t\\303\\244b.c" "b/dir/t\\303\\244b.c"
                --- "a/dir/t\\303\\244b.c"
                +++ "b/dir/t\\303\\244b.c"
                @@ -1 +1 @@
                -a
                +b
                """;
        assertEquals("dir/t\u00e4b.c", UnifiedDiffParser.parse(text).get(0).path());
    }
}
