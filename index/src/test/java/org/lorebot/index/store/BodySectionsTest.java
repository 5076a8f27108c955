package org.lorebot.index.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BodySectionsTest {

    private static final String BREAK = String.valueOf(XapianTokenizer.SECTION_BREAK);

    private static final String PATCH = String.join("\n",
            "Drop GFP_DMA: the buffer is mapped with dma_map_single().",
            "",
            "Signed-off-by: A Developer <dev@example.org>",
            "---",
            " drivers/mtd/foo.c | 2 +-",
            "",
            "diff --git a/drivers/mtd/foo.c b/drivers/mtd/foo.c",
            "index 1234567..89abcde 100644",
            "--- a/drivers/mtd/foo.c",
            "+++ b/drivers/mtd/foo.c",
            "@@ -10,7 +10,7 @@ static int foo_probe(struct platform_device *pdev)",
            " \tstruct foo *foo;",
            "-\tbuf = kmalloc(len, GFP_KERNEL | GFP_DMA);",
            "+\tbuf = kmalloc(len, GFP_KERNEL);",
            " \treturn 0;",
            "-- ",
            "2.39.0",
            "");

    @Test
    void cutsAPatchIntoItsDiffParts() {
        BodySections s = BodySections.of(PATCH);
        assertEquals("drivers/mtd/foo.c", s.fileNames());
        assertEquals("\tbuf = kmalloc(len, GFP_KERNEL | GFP_DMA);", s.removed());
        assertEquals("\tbuf = kmalloc(len, GFP_KERNEL);", s.added());
        assertEquals("static int foo_probe(struct platform_device *pdev)", s.hunkHeadings());
        assertEquals("\tstruct foo *foo;" + BREAK + "\treturn 0;", s.context());
        assertTrue(s.notQuoted().contains("Drop GFP_DMA"));
        assertTrue(s.notQuoted().contains("2.39.0"), "the signature after '-- ' is text again");
        assertFalse(s.notQuoted().contains("kmalloc"), "diff lines go to their own pieces only");
    }

    @Test
    void separatesQuotedBlocksFromReplyText() {
        BodySections s = BodySections.of("On Monday someone wrote:\n> bitflips happen\n> often\n"
                + "\nI agree.\n>> deeper\n");
        assertEquals("> bitflips happen\n> often" + BREAK + ">> deeper", s.quoted());
        assertEquals("On Monday someone wrote:" + BREAK + "\nI agree.", s.notQuoted());
        assertEquals("", s.removed());
    }

    @Test
    void quotedDiffLinesStayQuoted() {
        BodySections s = BodySections.of("> -\tfoo(GFP_DMA);\n> +\tfoo(0);\nWhy?\n");
        assertEquals("", s.removed());
        assertEquals("", s.added());
        assertTrue(s.quoted().contains("GFP_DMA"));
    }

    @Test
    void newFilesNameOnlyTheirNewPath() {
        BodySections s = BodySections.of(String.join("\n", "diff --git a/x/new.c b/x/new.c",
                "new file mode 100644", "--- /dev/null", "+++ b/x/new.c", "@@ -0,0 +1 @@",
                "+int x;", ""));
        assertEquals("x/new.c", s.fileNames());
        assertEquals("int x;", s.added());
        assertEquals("", s.hunkHeadings(), "a hunk header without a heading adds none");
    }

    @Test
    void aDeletedFilesLinesAreNotRemovedLinesAsInPublicInbox() {
        // public-inbox 1.9 leaves diff mode at "+++ /dev/null": on linux-mtd,
        // dfa:kmalloc does not find patches deleting m25p80.c, whose kmalloc lines all go.
        BodySections s = BodySections.of(String.join("\n", "diff --git a/x/old.c b/x/old.c",
                "deleted file mode 100644", "index 1234567..0000000", "--- a/x/old.c",
                "+++ /dev/null", "@@ -1 +0,0 @@", "-buf = kmalloc(len, GFP_KERNEL);", ""));
        assertEquals("x/old.c", s.fileNames());
        assertEquals("", s.removed());
        assertTrue(s.notQuoted().contains("buf = kmalloc"), "they are plain text instead");
    }

    @Test
    void unquotesGitQuotedPaths() {
        assertEquals("a/t\u00e9st.c", BodySections.unquote("\"a/t\\303\\251st.c\""));
    }
}
