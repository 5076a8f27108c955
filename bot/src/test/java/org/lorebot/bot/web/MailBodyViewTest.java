package org.lorebot.bot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** How mail text becomes HTML: escaped always, quotes and diffs set apart, only web links linked. */
class MailBodyViewTest {

    @Test
    void everythingIsEscaped() {
        String html = MailBodyView.render("<script>alert(1)</script> & \"x\" 'y'\n");
        assertEquals("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot; &#39;y&#39;\n", html);
        assertEquals("a\ufffdb\n", MailBodyView.render("a\u0000b\n"), "controls are replaced");
    }

    @Test
    void onlyHttpLinksBecomeLinks() {
        String html = MailBodyView.render("see https://lore.kernel.org/r/x@y and javascript:alert(1)"
                + " and data:text/html,<b>\n");
        assertTrue(html.contains("<a href=\"https://lore.kernel.org/r/x@y\""), html);
        assertFalse(html.contains("href=\"javascript"), html);
        assertFalse(html.contains("href=\"data"), html);
        assertTrue(MailBodyView.render("(https://example.org/a).\n")
                .contains("href=\"https://example.org/a\""), "trailing punctuation is not part of it");
        assertTrue(MailBodyView.render("https://x.org/\"onmouseover=\"alert(1)\n")
                .contains("href=\"https://x.org/\""), "a quote ends a link");
    }

    @Test
    void quotesAndDiffsAreMarked() {
        String html = MailBodyView.render("""
                > quoted
                prose
                diff --git a/f.c b/f.c
                --- a/f.c
                +++ b/f.c
                @@ -1,2 +1,2 @@ fn
                 same
                -old
                +new
                --\s
                2.43
                """);
        assertTrue(html.contains("<span class=\"q\">&gt; quoted</span>"));
        assertTrue(html.contains("\nprose\n"));
        assertTrue(html.contains("<span class=\"dh\">diff --git a/f.c b/f.c</span>"));
        assertTrue(html.contains("<span class=\"dh\">+++ b/f.c</span>"));
        assertTrue(html.contains("<span class=\"hunk\">@@ -1,2 +1,2 @@ fn</span>"));
        assertTrue(html.contains("<span class=\"del\">-old</span>"));
        assertTrue(html.contains("<span class=\"add\">+new</span>"));
        assertTrue(html.contains("\n-- \n2.43\n"), "the signature after the diff is prose: " + html);
    }

    @Test
    void theDiffstatLinksEachFileToItsDiff() {
        String html = MailBodyView.render("""
                ---
                 drivers/mtd/nand/raw/foo.c                         | 3 ++-
                 .../devicetree/bindings/mtd/foo-nand.yaml          | 1 +
                 2 files changed, 3 insertions(+), 1 deletion(-)

                diff --git a/drivers/mtd/nand/raw/foo.c b/drivers/mtd/nand/raw/foo.c
                --- a/drivers/mtd/nand/raw/foo.c
                +++ b/drivers/mtd/nand/raw/foo.c
                @@ -1 +1 @@
                -a
                +b
                diff --git a/Documentation/devicetree/bindings/mtd/foo-nand.yaml b/Documentation/devicetree/bindings/mtd/foo-nand.yaml
                --- a/Documentation/devicetree/bindings/mtd/foo-nand.yaml
                +++ b/Documentation/devicetree/bindings/mtd/foo-nand.yaml
                @@ -1 +1,2 @@
                 a
                +b
                """, "mX-");
        assertTrue(html.contains("\n <a href=\"#mX-f0\">drivers/mtd/nand/raw/foo.c</a>                         | 3 ++-\n"), html);
        assertTrue(html.contains(" <a href=\"#mX-f1\">.../devicetree/bindings/mtd/foo-nand.yaml</a>"), "git's shortened path: " + html);
        assertTrue(html.contains("<span class=\"dh\" id=\"mX-f0\">diff --git a/drivers/mtd/nand/raw/foo.c"), html);
        assertTrue(html.contains("<span class=\"dh\" id=\"mX-f1\">diff --git a/Documentation/"), html);
        assertTrue(html.contains("\n 2 files changed, 3 insertions(+), 1 deletion(-)\n"), "the summary stays text");
    }

    @Test
    void aDashLineOutsideADiffIsProse() {
        assertEquals("- item one\n+ item two\n", MailBodyView.render("- item one\n+ item two\n"));
    }
}
