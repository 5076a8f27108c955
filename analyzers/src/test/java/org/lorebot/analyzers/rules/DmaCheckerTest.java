package org.lorebot.analyzers.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lorebot.analyzers.finding.Finding;
import org.lorebot.analyzers.finding.Severity;
import org.lorebot.analyzers.patch.DiffLine;
import org.lorebot.analyzers.patch.PatchParser;
import org.lorebot.analyzers.patch.UnifiedDiffParser;

/** Kernel idioms the checker must get right, written as the diffs a patch would carry. */
class DmaCheckerTest {

    private static List<Finding> check(String path, String... hunkLines) {
        return checkIn(path, "", hunkLines);
    }

    private static List<Finding> checkIn(String path, String heading, String... hunkLines) {
        int oldCount = 0;
        int newCount = 0;
        StringBuilder body = new StringBuilder();
        for (String l : hunkLines) {
            char c = l.isEmpty() ? ' ' : l.charAt(0);
            if (c != '+') {
                oldCount++;
            }
            if (c != '-') {
                newCount++;
            }
            body.append(l.isEmpty() ? " " : l).append('\n');
        }
        String diff = "diff --git a/" + path + " b/" + path + "\n--- a/" + path + "\n+++ b/" + path + "\n"
                + "@@ -10," + oldCount + " +10," + newCount + " @@ " + heading + "\n" + body;
        return DmaChecker.check(UnifiedDiffParser.parse(diff));
    }

    private static List<String> ids(List<Finding> findings) {
        return findings.stream().map(Finding::ruleId).distinct().sorted().toList();
    }

    @Test
    void plainKernelIdiomsAreClean() {
        assertEquals(List.of(), check("drivers/foo/foo.c",
                "+\tpriv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);",
                "+\tbuf = dma_alloc_coherent(dev, sz, &h, GFP_KERNEL);",
                "+\tskb = alloc_skb(len, GFP_ATOMIC);",
                "+\tp = kmalloc_array(n, sizeof(*p), GFP_KERNEL | __GFP_NOWARN);",
                "+\tpage = alloc_pages(GFP_HIGHUSER_MOVABLE, 0);"));
    }

    @Test
    void gfpKernelOrGfpDmaToKmallocIsDma008() {
        List<Finding> f = check("drivers/foo/foo.c", "+\tbuf = kmalloc(64, GFP_KERNEL | GFP_DMA);");
        assertEquals(List.of("DMA008"), ids(f));
        Finding d = f.get(0);
        assertEquals(Severity.WARNING, d.severity());
        assertEquals("drivers/foo/foo.c", d.path());
        assertEquals(10, d.line());
        assertEquals(1, d.lines().size());
        assertTrue(d.message().contains("GFP_DMA"), d.message());
        assertTrue(!d.citations().isEmpty());
    }

    @Test
    void atomicWithDoubleUnderscoreDmaToDmaPoolIsDma005() {
        assertEquals(List.of("DMA005"), ids(check("drivers/foo/foo.c",
                "+\tdesc = dma_pool_alloc(pool, GFP_ATOMIC|__GFP_DMA, &dma);")));
    }

    @Test
    void onlyTheGfpLineOfASplitCallIsAdded() {
        List<Finding> f = check("drivers/foo/foo.c",
                " \tring->desc = dma_alloc_coherent(dev,",
                " \t\t\t\t\tsize, &ring->dma,",
                "-\t\t\t\t\tGFP_KERNEL);",
                "+\t\t\t\t\tGFP_KERNEL | GFP_DMA32);",
                " \tif (!ring->desc)");
        assertEquals(List.of("DMA001", "DMA024"), ids(f), "the patch adds the flag and sets no DMA mask");
        assertEquals(10, f.get(0).line(), "the finding points at the call's first line");
        assertEquals(3, f.get(0).lines().size(), "the whole call is quoted");
    }

    @Test
    void aCompositeMaskIsNamedByTheZoneBitInside() {
        List<Finding> f = check("drivers/foo/foo.c", "+\tbuf = dma_alloc_coherent(dev, sz, &h, GFP_HIGHUSER);");
        assertEquals(List.of("DMA001"), ids(f));
        assertTrue(f.get(0).message().startsWith("__GFP_HIGHMEM (in GFP_HIGHUSER) passed to dma_alloc_coherent()"),
                f.get(0).message());
    }

    @Test
    void contextIsNeverBlamed() {
        assertEquals(List.of(), check("drivers/foo/foo.c",
                " \tbuf = kmalloc(64, GFP_KERNEL | GFP_DMA);",
                "+\tif (!buf)",
                "+\t\treturn -ENOMEM;"));
    }

    @Test
    void aCallTouchedForOtherReasonsSaysItsMaskIsOld() {
        List<Finding> f = check("drivers/foo/foo.c",
                "-\tbuf = kmalloc(len, GFP_KERNEL | GFP_DMA);",
                "+\tbuf = kmalloc(len + 4, GFP_KERNEL | GFP_DMA);");
        assertEquals(List.of("DMA008"), ids(f));
        assertTrue(f.get(0).explanation().contains("same mask (GFP_KERNEL | GFP_DMA)"), f.get(0).explanation());
        assertEquals(List.of(), check("fs/foo/foo.c",
                "-\tbuf = kmalloc(len, GFP_NOFS);",
                "+\tbuf = kmalloc(len + 4, GFP_NOFS);"), "GFP_NOFS that is not new is not reported");
    }

    @Test
    void removingTheFlagIsNotAFinding() {
        assertEquals(List.of(), check("drivers/foo/foo.c",
                "-\tbuf = dma_alloc_coherent(dev, sz, &h, GFP_KERNEL | GFP_DMA);",
                "+\tbuf = dma_alloc_coherent(dev, sz, &h, GFP_KERNEL);"));
    }

    @Test
    void flagsInADriverMacroAreExpanded() {
        List<Finding> f = check("drivers/foo/foo.c",
                "+#define FOO_GFP\t(GFP_KERNEL | GFP_DMA32)",
                " ",
                "+\tp = kzalloc(sizeof(*p), FOO_GFP);");
        assertEquals(List.of("DMA007"), ids(f));
        assertTrue(f.get(0).message().contains("FOO_GFP"), f.get(0).message());
        assertEquals(2, f.get(0).lines().size(), "the define and the call are quoted");
    }

    @Test
    void aMacroFromAHeaderInThePatchIsNamedNotQuoted() {
        String diff = "diff --git a/drivers/foo/foo.h b/drivers/foo/foo.h\n--- a/drivers/foo/foo.h\n+++ b/drivers/foo/foo.h\n"
                + "@@ -1,0 +2,1 @@\n+#define FOO_RING_GFP (GFP_KERNEL | __GFP_COMP)\n"
                + "diff --git a/drivers/foo/foo.c b/drivers/foo/foo.c\n--- a/drivers/foo/foo.c\n+++ b/drivers/foo/foo.c\n"
                + "@@ -40,1 +40,1 @@\n-\tring = dma_alloc_coherent(dev, sz, &h, GFP_KERNEL);\n"
                + "+\tring = dma_alloc_coherent(dev, sz, &h, FOO_RING_GFP);\n";
        List<Finding> f = DmaChecker.check(UnifiedDiffParser.parse(diff));
        assertEquals(List.of("DMA004"), ids(f));
        assertEquals("drivers/foo/foo.c", f.get(0).path());
        assertEquals(40, f.get(0).line());
        assertEquals(1, f.get(0).lines().size());
        assertTrue(f.get(0).message().contains("FOO_RING_GFP"), f.get(0).message());
    }

    @Test
    void aContextCallIsJudgedWhenThePatchChangesTheMacroItUses() {
        assertEquals(List.of("DMA007", "DMA024"), ids(check("drivers/foo/foo.c",
                "-#define FOO_GFP\tGFP_KERNEL",
                "+#define FOO_GFP\t(GFP_KERNEL | GFP_DMA32)",
                " ",
                " \tp = kzalloc(sizeof(*p), FOO_GFP);")));
    }

    @Test
    void gfpVariableAssignedInTheHunkIsFollowed() {
        List<Finding> f = check("drivers/foo/foo.c",
                "+\tgfp_t gfp = GFP_KERNEL;",
                "+",
                "+\tif (dev->needs_low_memory)",
                "+\t\tgfp |= GFP_DMA;",
                "+\tbuf = kmalloc(len, gfp);");
        assertEquals(List.of("DMA008"), ids(f));
        assertTrue(f.get(0).message().contains("GFP_DMA (through gfp)"), f.get(0).message());
        assertEquals(Severity.INFO, f.get(0).severity(), "a zone chosen on some paths only is deliberate");
        List<Finding> always = check("drivers/foo/foo.c",
                "+\tgfp_t gfp = GFP_KERNEL;",
                "+\tgfp |= GFP_DMA;",
                "+\tbuf = kmalloc(len, gfp);");
        assertEquals(Severity.WARNING, always.get(0).severity());
    }

    @Test
    void ifAndElseBranchesExcludeEachOther() {
        List<Finding> unbraced = check("drivers/gpu/foo/mem.c",
                "+\tgfp_t gfp = GFP_USER | __GFP_ZERO;",
                "+\tif (mmu->dma_bits > 32)",
                "+\t\tgfp |= GFP_HIGHUSER;",
                "+\telse",
                "+\t\tgfp |= GFP_DMA32;",
                "+\tp = alloc_page(gfp);");
        assertEquals(List.of("DMA013"), ids(unbraced), "one zone on each branch is no conflict");
        assertEquals(Severity.INFO, unbraced.get(0).severity());
        List<Finding> braced = check("drivers/gpu/foo/mem.c",
                "+\tgfp_t gfp = GFP_KERNEL;",
                "+\tif (a) {",
                "+\t\tgfp |= __GFP_HIGHMEM;",
                "+\t} else if (b) {",
                "+\t\tgfp |= GFP_DMA;",
                "+\t} else {",
                "+\t\tgfp |= GFP_DMA32;",
                "+\t}",
                "+\tp = alloc_page(gfp);");
        assertEquals(List.of("DMA013"), ids(braced));
        List<Finding> same = check("drivers/gpu/foo/mem.c",
                "+\tgfp_t gfp = GFP_KERNEL | GFP_DMA;",
                "+\tif (a)",
                "+\t\tgfp |= GFP_DMA32;",
                "+\tp = alloc_page(gfp);");
        assertTrue(ids(same).contains("DMA012"), "without an else both can be set: " + ids(same));
        assertEquals(List.of(), check("drivers/foo/foo.c",
                "+\tgfp_t gfp = GFP_KERNEL;",
                "+\tif (atomic)",
                "+\t\tgfp = GFP_ATOMIC;",
                "+\telse",
                "+\t\tprepare(dev);",
                "+\tt = kvmalloc(sz, gfp);"), "GFP_KERNEL remains possible");
    }

    @Test
    void gfpVariableMaskedBeforeUseIsClean() {
        assertEquals(List.of(), check("drivers/foo/foo.c",
                "+\tgfp_t gfp = flags | GFP_DMA32;",
                "+\tgfp &= ~(__GFP_DMA | __GFP_DMA32 | __GFP_HIGHMEM);",
                "+\tbuf = kzalloc(len, gfp);"));
    }

    @Test
    void theMaskingIdiomIsClean() {
        assertEquals(List.of(), check("drivers/foo/foo.c",
                "+\ticm = kmalloc(sizeof(*icm), gfp_mask & ~(__GFP_HIGHMEM | __GFP_NOWARN));"));
    }

    @Test
    void zoneOnlyMaskToKmallocIsDma002ThenDma008() {
        List<Finding> f = check("drivers/foo/foo.c", "+\tbuf = kmalloc(8, GFP_DMA);");
        assertEquals(List.of("DMA002", "DMA008"), ids(f), "the model: add the context mask, then apply DMA008");
        assertEquals(Severity.ERROR, f.stream().filter(x -> x.ruleId().equals("DMA002")).findFirst().orElseThrow().severity());
    }

    @Test
    void ternaryWithConflictingZones() {
        assertEquals(List.of("DMA012", "DMA013"), ids(check("drivers/foo/foo.c",
                "+\tp = alloc_pages(GFP_HIGHUSER | (low ? GFP_DMA32 : 0), 0);")));
        assertEquals(List.of("DMA013"), ids(check("drivers/foo/foo.c",
                "+\tp = alloc_pages(GFP_KERNEL | (low ? GFP_DMA : GFP_DMA32), 0);")),
                "one zone on each path is no conflict");
    }

    @Test
    void zoneChoiceUnderConfigZoneDmaIsDeliberate() {
        assertEquals(List.of(), check("drivers/iommu/foo.c",
                "+#ifdef CONFIG_ZONE_DMA32",
                "+#define TABLE_GFP GFP_DMA32",
                "+#else",
                "+#define TABLE_GFP GFP_DMA",
                "+#endif",
                "+\ttable = (void *)__get_free_page(GFP_KERNEL | TABLE_GFP);"));
    }

    @Test
    void commentsStringsAndDeclarationsAreNotCalls() {
        assertEquals(List.of(), check("drivers/foo/foo.c",
                "+/* was: buf = kmalloc(len, GFP_KERNEL | GFP_DMA); */",
                "+\tpr_info(\"kmalloc(len, GFP_DMA) failed\\n\");",
                "+// kzalloc(sz, GFP_DMA32)",
                "+void *dma_zalloc_coherent(struct device *dev, size_t size, dma_addr_t *h, gfp_t gfp);"));
    }

    @Test
    void hunkStartingInsideACommentIsNotCode() {
        assertEquals(List.of(), check("drivers/foo/foo.c",
                " * Allocate with kmalloc(len, GFP_KERNEL | GFP_DMA32) as the old code did",
                "+ * and drop it later.",
                " */",
                " static int x;"));
    }

    @Test
    void archAndAllocatorCodeAreLeftAlone() {
        assertEquals(List.of(), check("kernel/dma/direct.c", "+\tpage = alloc_pages_node(node, gfp | GFP_DMA32, order);"));
        assertEquals(List.of(), check("mm/dmapool.c", "+\tpage = kmalloc(sizeof(*page), mem_flags | GFP_DMA32);"));
    }

    @Test
    void s390GetsDma008AsInfo() {
        List<Finding> f = check("drivers/s390/cio/foo.c", "+\tccw = kzalloc(sizeof(*ccw), GFP_KERNEL | GFP_DMA);");
        assertEquals(List.of("DMA008"), ids(f));
        assertEquals(Severity.INFO, f.get(0).severity());
        assertTrue(f.get(0).explanation().contains("s390"));
    }

    @Test
    void isaDmaUsersAndIommuTablesGetNotesNotWarnings() {
        List<Finding> isa = check("drivers/net/foo/isa_card.c",
                "+\tif (request_dma(dev->dma, \"isa_card\"))",
                "+\t\treturn -EBUSY;",
                "+\tlp->rx = kmalloc(RX_SIZE, GFP_KERNEL | GFP_DMA);");
        assertEquals(List.of("DMA008"), ids(isa));
        assertEquals(Severity.INFO, isa.get(0).severity());
        List<Finding> iommu = check("drivers/iommu/foo-iommu.c",
                "+\ttable = (u32 *)__get_free_pages(GFP_KERNEL | __GFP_ZERO | GFP_DMA32, order);");
        assertEquals(List.of("DMA013"), ids(iommu));
        assertEquals(Severity.INFO, iommu.get(0).severity());
    }

    @Test
    void kmallocGfpDmaThenMappedIsDma009AndDma008() {
        List<Finding> f = checkIn("drivers/foo/foo.c", "static int foo_probe(struct platform_device *pdev)",
                "+\tpriv->buf = kmalloc(SZ, GFP_KERNEL | GFP_DMA);",
                "+\tif (!priv->buf)",
                "+\t\treturn -ENOMEM;",
                "+\tpriv->dma = dma_map_single(dev, priv->buf, SZ, DMA_TO_DEVICE);");
        assertEquals(List.of("DMA008", "DMA009"), ids(f));
        Finding d9 = f.stream().filter(x -> x.ruleId().equals("DMA009")).findFirst().orElseThrow();
        assertEquals(2, d9.lines().size(), "the allocation and the mapping are quoted");
    }

    @Test
    void stackAndVmallocBuffersMappedForDma() {
        assertEquals(List.of("DMA015"), ids(check("drivers/foo/foo.c",
                "+\tu8 cmd[4];",
                "+",
                "+\tdma = dma_map_single(dev, cmd, sizeof(cmd), DMA_TO_DEVICE);")));
        assertEquals(List.of("DMA015"), ids(check("drivers/foo/foo.c",
                "+\tbuf = vzalloc(len);",
                "+\tsg_init_one(&sg, buf, len);")));
        assertEquals(List.of(), check("drivers/foo/foo.c",
                "+\tu8 *cmd = kmalloc(4, GFP_KERNEL);",
                "+\tdma = dma_map_single(dev, cmd, 4, DMA_TO_DEVICE);"));
    }

    @Test
    void stackBuffersForSpiAndUsbTransfers() {
        List<Finding> spi = check("drivers/foo/foo.c",
                "+\tu8 cmd = FOO_WREN;",
                "+\tret = spi_write(spi, &cmd, 1);");
        assertEquals(List.of("DMA015"), ids(spi));
        assertEquals(Severity.INFO, spi.get(0).severity(), "one byte: controllers do not use DMA for it");
        List<Finding> bigSpi = check("drivers/foo/foo.c",
                "+\tu8 frame[256];",
                "+\tret = spi_write(spi, frame, sizeof(frame));");
        assertEquals(Severity.WARNING, bigSpi.get(0).severity(), "depends on the controller using DMA");
        List<Finding> usb = check("drivers/foo/foo.c",
                "+\tu8 buf[2];",
                "+\tret = usb_control_msg(udev, usb_rcvctrlpipe(udev, 0), REQ, TYPE, 0, 0, buf, 2, 1000);");
        assertEquals(List.of("DMA015"), ids(usb));
        assertEquals(Severity.ERROR, usb.get(0).severity());
        assertEquals(List.of(), check("drivers/foo/foo.c",
                "+\tu8 buf[2];",
                "+\tret = i2c_master_send(client, buf, 2);"), "I2C does not need DMA-safe buffers");
    }

    @Test
    void nonBlockingMasksToVmallocAndNofail() {
        assertEquals(List.of("DMA025"), ids(check("drivers/foo/foo.c", "+\tt = kvmalloc(sz, GFP_NOWAIT);")));
        assertEquals(List.of(), check("drivers/foo/foo.c", "+\tt = kvmalloc(sz, GFP_KERNEL);"));
        assertEquals(List.of("DMA021"), ids(check("drivers/foo/foo.c", "+\tp = kmalloc(sz, GFP_NOWAIT | __GFP_NOFAIL);")));
        assertEquals(List.of("DMA021"), ids(check("drivers/foo/foo.c", "+\tp = alloc_pages(GFP_KERNEL | __GFP_NOFAIL, 3);")));
    }

    @Test
    void atomicCoherentAllocationIsInfoOnlyInVisiblySleepableCode() {
        assertEquals(List.of("DMA023"), ids(checkIn("drivers/foo/foo.c", "static int foo_probe(struct platform_device *pdev)",
                "+\tbuf = dma_alloc_coherent(dev, sz, &h, GFP_ATOMIC);")));
        assertEquals(List.of(), checkIn("drivers/foo/foo.c", "static irqreturn_t foo_irq(int irq, void *data)",
                "+\tbuf = dma_alloc_coherent(dev, sz, &h, GFP_ATOMIC);"));
        assertEquals(List.of("DMA023"), ids(checkIn("drivers/foo/foo.c", "static int foo_probe(struct platform_device *pdev)",
                "+\tspin_lock_init(&priv->lock);",
                "+\tbuf = dma_alloc_coherent(dev, sz, &h, GFP_ATOMIC);")), "initialising a lock does not take it");
        assertEquals(List.of(), checkIn("drivers/foo/foo.c", "static int foo_probe(struct platform_device *pdev)",
                "+\tspin_lock_irqsave(&priv->lock, flags);",
                "+\tbuf = dma_alloc_coherent(dev, sz, &h, GFP_ATOMIC);"));
    }

    @Test
    void compoundPagesInAPatchForAnOlderStableTreeAreAWarning() {
        String body = "Fix the ring.\n\n---\ndiff --git a/drivers/foo/foo.c b/drivers/foo/foo.c\n--- a/drivers/foo/foo.c\n"
                + "+++ b/drivers/foo/foo.c\n@@ -1,1 +1,1 @@\n-\tr = dma_alloc_coherent(d, s, &h, GFP_KERNEL);\n"
                + "+\tr = dma_alloc_coherent(d, s, &h, GFP_KERNEL | __GFP_COMP);\n";
        List<Finding> stable = DmaChecker.check(PatchParser.parse("[PATCH 5.15] foo: fix the ring", body));
        assertEquals(Severity.WARNING, stable.get(0).severity());
        assertTrue(stable.get(0).explanation().contains("5.15 tree"), stable.get(0).explanation());
        List<Finding> mainline = DmaChecker.check(PatchParser.parse("[PATCH net-next] foo: fix the ring", body));
        assertEquals(Severity.ERROR, mainline.get(0).severity());
        assertEquals(null, DmaChecker.olderTree(List.of("6.2", "v3", "net-next", "6.12.y")));
        assertEquals("6.1.y", DmaChecker.olderTree(List.of("6.1.y")));
    }

    @Test
    void removedApisAreErrorsOutsideTheDmaCore() {
        assertEquals(List.of("DMA020"), ids(check("drivers/foo/foo.c", "+\tbuf = pci_alloc_consistent(pdev, sz, &h);")));
        assertEquals(List.of(), check("kernel/dma/direct.c", "+\tpage = dma_alloc_contiguous(dev, size, gfp);"));
    }

    @Test
    void findingsAreSortedByPathThenLine() {
        String diff = "diff --git a/drivers/b.c b/drivers/b.c\n--- a/drivers/b.c\n+++ b/drivers/b.c\n"
                + "@@ -1,0 +1,2 @@\n+\tx = kzalloc(4, GFP_KERNEL | GFP_DMA32);\n+\ty = kmalloc(4, GFP_DMA | GFP_KERNEL);\n"
                + "diff --git a/drivers/a.c b/drivers/a.c\n--- a/drivers/a.c\n+++ b/drivers/a.c\n"
                + "@@ -5,0 +6,1 @@\n+\tz = kmalloc(4, GFP_KERNEL | GFP_DMA);\n";
        List<Finding> f = DmaChecker.check(UnifiedDiffParser.parse(diff));
        assertEquals(List.of("drivers/a.c:6", "drivers/b.c:1", "drivers/b.c:2"),
                f.stream().map(x -> x.path() + ":" + x.line()).distinct().toList());
        for (Finding x : f) {
            assertTrue(x.lines().stream().anyMatch(l -> l.kind() == DiffLine.Kind.ADDED));
        }
    }
}
