package org.lorebot.analyzers.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lorebot.analyzers.finding.Finding;
import org.lorebot.analyzers.finding.Severity;
import org.lorebot.analyzers.patch.UnifiedDiffParser;

/**
 * One test per class of mistake seen when the checker ran over a real list archive: rules that
 * must fire together, false positives and false negatives. Each is a minimal C snippet of the
 * kind, written as the diff a patch would carry.
 */
class RealTrafficClassesTest {

    /** A one-hunk diff of {@code path}; a null old path makes it a new file. */
    private static List<Finding> check(String path, boolean newFile, String heading, String... hunkLines) {
        int oldCount = 0;
        int newCount = 0;
        StringBuilder body = new StringBuilder();
        for (String l : hunkLines) {
            char c = l.isEmpty() ? ' ' : l.charAt(0);
            oldCount += c != '+' ? 1 : 0;
            newCount += c != '-' ? 1 : 0;
            body.append(l.isEmpty() ? " " : l).append('\n');
        }
        String diff = "diff --git a/" + path + " b/" + path + "\n"
                + (newFile ? "new file mode 100644\n--- /dev/null\n" : "--- a/" + path + "\n")
                + "+++ b/" + path + "\n"
                + "@@ -" + (newFile ? "0,0" : "10," + oldCount) + " +" + (newFile ? 1 : 10) + "," + newCount + " @@ "
                + heading + "\n" + body;
        return DmaChecker.check(UnifiedDiffParser.parse(diff));
    }

    private static List<Finding> check(String path, String... hunkLines) {
        return check(path, false, "", hunkLines);
    }

    private static List<String> ids(List<Finding> findings) {
        return findings.stream().map(Finding::ruleId).distinct().sorted().toList();
    }

    private static Finding only(List<Finding> findings, String rule) {
        List<Finding> of = findings.stream().filter(f -> f.ruleId().equals(rule)).toList();
        assertEquals(1, of.size(), rule + " once in " + findings);
        return of.get(0);
    }

    // 1. Rules that must fire together

    @Test
    void zoneOnlyMaskOnACoherentAllocatorIsBothDma002AndDma001() {
        List<Finding> f = check("drivers/foo/foo.c",
                "+\tring = dma_alloc_coherent(dev, size, &ring_dma, GFP_DMA);");
        assertEquals(List.of("DMA001", "DMA002"), ids(f));
        assertEquals(Severity.ERROR, only(f, "DMA002").severity());
        assertEquals(Severity.WARNING, only(f, "DMA001").severity());
    }

    @Test
    void aMappedGfpDmaKmallocIsBothDma008AndDma009() {
        List<Finding> f = check("drivers/foo/foo.c",
                "+\tbuf = kzalloc(64, GFP_KERNEL | GFP_DMA);",
                "+\tif (!buf)",
                "+\t\treturn -ENOMEM;",
                "+\taddr = dma_map_single(dev, buf, 64, DMA_TO_DEVICE);");
        assertEquals(List.of("DMA008", "DMA009"), ids(f));
        assertEquals(Severity.WARNING, only(f, "DMA008").severity());
        assertEquals(Severity.WARNING, only(f, "DMA009").severity());
    }

    // 2-5. False positives

    @Test
    void aCacheLineAlignedScalarOrPointerIsNotADmaBuffer() {
        // partial_size is only the length of a transfer, bounce a pointer whose target is mapped
        List<Finding> f = check("drivers/crypto/foo.c",
                "+struct foo_reqctx {",
                "+\tunsigned int partial_size ____cacheline_aligned;",
                "+\tu8 *bounce ____cacheline_aligned;",
                "+\tu8 partial[64] ____cacheline_aligned;",
                "+};",
                "+static int foo_run(struct foo_reqctx *rctx)",
                "+{",
                "+\tsg_set_buf(&sg2, rctx->bounce, 64);",
                "+\tsg_set_buf(&sg3, rctx->partial, rctx->partial_size);",
                "+}");
        Finding d = only(f, "DMA017");
        assertTrue(d.message().contains("member partial "), d.message());
        assertEquals(13, d.line(), "the array, not the scalar (11) or the pointer (12): " + f);
    }

    @Test
    void memsetOfAReusedBufferIsNotRedundantZeroing() {
        List<Finding> reused = check("drivers/foo/foo.c",
                "+\tif (!priv->buf) {",
                "+\t\tpriv->buf = dma_alloc_coherent(dev, SZ, &priv->dma, GFP_KERNEL);",
                "+\t\tif (!priv->buf)",
                "+\t\t\treturn -ENOMEM;",
                "+\t}",
                "+\tmemset(priv->buf, 0, SZ);");
        assertEquals(List.of(), ids(reused));
        List<Finding> unbraced = check("drivers/foo/foo.c",
                "+\tif (!priv->buf)",
                "+\t\tpriv->buf = dma_alloc_coherent(dev, SZ, &priv->dma, GFP_KERNEL);",
                "+\tmemset(priv->buf, 0, SZ);");
        assertEquals(List.of(), ids(unbraced));
        List<Finding> fresh = check("drivers/foo/foo.c",
                "+\tpriv->buf = dma_alloc_coherent(dev, SZ, &priv->dma, GFP_KERNEL);",
                "+\tif (!priv->buf) {",
                "+\t\tdev_err(dev, \"no memory\\n\");",
                "+\t\treturn -ENOMEM;",
                "+\t}",
                "+\tmemset(priv->buf, 0, SZ);");
        assertEquals(List.of("DMA019"), ids(fresh), "a memset that always follows the allocation is redundant");
    }

    @Test
    void noDmaMaskAdviceForCodeWithoutADevice() {
        for (String path : List.of("include/crypto/foo.h", "crypto/foo.c", "net/core/foo.c", "lib/foo.c", "fs/foo/foo.c",
                "kernel/foo.c")) {
            List<Finding> f = check(path, true, "", "+\tp = kmalloc(len, GFP_KERNEL | GFP_DMA);");
            assertTrue(ids(f).stream().noneMatch("DMA024"::equals), path + ": " + f);
        }
        List<Finding> driver = check("drivers/crypto/foo.c", true, "", "+\tp = kmalloc(len, GFP_KERNEL | GFP_DMA);");
        assertEquals(List.of("DMA008", "DMA024"), ids(driver));
    }

    @Test
    void aFlagCarriedOverByAMechanicalEditIsOnlyANote() {
        List<Finding> kmemdup = check("drivers/foo/foo.c",
                "-\tkey = kzalloc(keylen, GFP_KERNEL | GFP_DMA);",
                "-\tif (!key)",
                "-\t\treturn -ENOMEM;",
                "-\tmemcpy(key, in, keylen);",
                "+\tkey = kmemdup(in, keylen, GFP_KERNEL | GFP_DMA);",
                "+\tif (!key)",
                "+\t\treturn -ENOMEM;");
        Finding d = only(kmemdup, "DMA008");
        assertEquals(Severity.INFO, d.severity());
        assertTrue(d.explanation().contains("already there before this patch"), d.explanation());
        List<Finding> context = check("drivers/foo/foo.c",
                "-\tbuf = kmalloc(len, GFP_ATOMIC | GFP_DMA);",
                "+\tbuf = kmalloc(len, GFP_KERNEL | GFP_DMA);");
        assertEquals(Severity.INFO, only(context, "DMA008").severity());
        List<Finding> kvz = check("drivers/foo/foo.c",
                "-\tbuf = kvmalloc(len, GFP_KERNEL | GFP_DMA32);",
                "+\tbuf = kvzalloc(len, GFP_KERNEL | GFP_DMA32);");
        assertEquals(Severity.INFO, only(kvz, "DMA007").severity());
        List<Finding> added = check("drivers/foo/foo.c",
                "-\tbuf = kmalloc(len, GFP_KERNEL);",
                "+\tbuf = kmemdup(src, len, GFP_KERNEL | GFP_DMA);");
        assertEquals(Severity.WARNING, only(added, "DMA008").severity(), "the patch that adds the flag is told");
        List<Finding> movedIntoTrouble = check("drivers/usb/foo.c",
                "-\tring = dma_alloc_coherent(dev, SZ, &ring_dma, GFP_DMA32 | GFP_ATOMIC);",
                "+\tring = dma_pool_alloc(pool, GFP_DMA32 | GFP_ATOMIC, &ring_dma);");
        assertEquals(Severity.ERROR, only(movedIntoTrouble, "DMA006").severity(),
                "harmless where it was, a bug where the patch moves it");
    }

    // 6-10. False negatives

    @Test
    void aMappedBufferIsFollowedThroughMembersAndAliases() {
        List<Finding> member = check("drivers/crypto/foo.c",
                "+\top->key = kzalloc(op->keylen, GFP_KERNEL | GFP_DMA);",
                "+\tif (!op->key)",
                "+\t\treturn -ENOMEM;",
                "+\top->key_dma = dma_map_single(ss->dev, op->key, op->keylen, DMA_TO_DEVICE);");
        assertTrue(ids(member).contains("DMA009"), member.toString());
        List<Finding> dot = check("drivers/crypto/foo.c",
                "+\tctx.bkeyiv = kzalloc(len, GFP_KERNEL | GFP_DMA);",
                "+\tsg_init_one(&sg, ctx.bkeyiv, len);");
        assertTrue(ids(dot).contains("DMA009"), dot.toString());
        List<Finding> otherPath = check("drivers/crypto/foo.c",
                "+\tchan->bounce_iv = kzalloc(ivsize, GFP_KERNEL | GFP_DMA);",
                "+\tif (!chan->bounce_iv)",
                "+\t\treturn -ENOMEM;",
                "+\taddr_iv = dma_map_single(ce->dev, ce->chanlist[flow].bounce_iv, ivsize, DMA_TO_DEVICE);");
        assertTrue(ids(otherPath).contains("DMA009"), otherPath.toString());
        List<Finding> alias = check("drivers/crypto/foo.c",
                "+\tp = kmalloc(len, GFP_KERNEL | GFP_DMA);",
                "+\treq->buf = p;",
                "+\tdma = dma_map_single(dev, req->buf, len, DMA_FROM_DEVICE);");
        assertTrue(ids(alias).contains("DMA009"), alias.toString());
        List<Finding> unrelated = check("drivers/crypto/foo.c",
                "+\tchan->bounce_iv = kzalloc(ivsize, GFP_KERNEL | GFP_DMA);",
                "+\taddr = dma_map_single(ce->dev, chan->other, ivsize, DMA_TO_DEVICE);");
        assertTrue(!ids(unrelated).contains("DMA009"), unrelated.toString());
    }

    @Test
    void anArrayAlignedToAWordIsBelowTheDmaAlignment() {
        List<Finding> f = check("drivers/crypto/foo.c",
                "+struct foo_hash_ctx {",
                "+\tu32 flags;",
                "+\tu8 tmp[128] __aligned(sizeof(u32));",
                "+};",
                "+static void foo_update(struct foo_hash_ctx *ctx)",
                "+{",
                "+\tsg_set_buf(&sg, ctx->tmp, 128);",
                "+}");
        assertTrue(only(f, "DMA017").message().contains("member tmp"), f.toString());
        List<Finding> strong = check("drivers/crypto/foo.c",
                "+struct foo_hash_ctx {",
                "+\tu8 tmp[128] __aligned(ARCH_DMA_MINALIGN);",
                "+};",
                "+static void foo_update(struct foo_hash_ctx *ctx)",
                "+{",
                "+\tsg_set_buf(&sg, ctx->tmp, 128);",
                "+}");
        assertEquals(List.of(), ids(strong));
    }

    @Test
    void aPhysicalAddressInAHardwareDescriptorIsDma016() {
        List<Finding> field = check("drivers/dma/foo.c", "+\tdesc->addr = virt_to_phys(buf);");
        assertEquals(List.of("DMA016"), ids(field));
        List<Finding> le = check("drivers/dma/foo.c", "+\thw->src = cpu_to_le32(virt_to_phys(req->src));");
        assertEquals(List.of("DMA016"), ids(le));
        List<Finding> local = check("drivers/dma/foo.c", "+\tphys = virt_to_phys(buf);", "+\tpr_debug(\"%pa\\n\", &phys);");
        assertEquals(List.of(), ids(local), "a physical address kept in a local is not yet given to a device");
        List<Finding> bookkeeping = check("drivers/media/foo.c", "+\tpriv->video_pbase = virt_to_phys(priv->video_vbase);");
        assertEquals(List.of(), ids(bookkeeping), "a driver's own record of the address is not a descriptor");
        List<Finding> sgEntry = check("drivers/crypto/foo.c", "+\tpriv->sg[i].addr = virt_to_phys(buf);");
        assertEquals(List.of("DMA016"), ids(sgEntry));
    }

    @Test
    void atomicCoherentAllocationInProbeAndInitPathsIsDma023() {
        List<Finding> probe = check("drivers/foo/foo.c", false, "static int foo_probe(struct platform_device *pdev)",
                "+\tpriv->ring = dma_alloc_coherent(&pdev->dev, SZ, &priv->ring_dma, GFP_ATOMIC);");
        assertEquals(List.of("DMA023"), ids(probe));
        List<Finding> init = check("drivers/foo/foo.c", false, "static int foo_hw_init(struct foo *priv)",
                "+\tpriv->ring = dma_alloc_coherent(priv->dev, SZ, &priv->ring_dma, GFP_ATOMIC);");
        assertEquals(List.of("DMA023"), ids(init));
        List<Finding> helper = check("drivers/foo/foo.c", true, "",
                "+static int foo_alloc_rings(struct foo *priv)",
                "+{",
                "+\tpriv->ring = dma_alloc_coherent(priv->dev, SZ, &priv->ring_dma, GFP_ATOMIC);",
                "+\treturn priv->ring ? 0 : -ENOMEM;",
                "+}",
                "+static int foo_probe(struct platform_device *pdev)",
                "+{",
                "+\treturn foo_alloc_rings(priv);",
                "+}");
        assertEquals(List.of("DMA023"), ids(helper), "a helper called only from probe");
        List<Finding> locked = check("drivers/foo/foo.c", false, "static int foo_hw_init(struct foo *priv)",
                "+\tspin_lock_irqsave(&priv->lock, flags);",
                "+\tpriv->ring = dma_alloc_coherent(priv->dev, SZ, &priv->ring_dma, GFP_ATOMIC);");
        assertEquals(List.of(), ids(locked));
        List<Finding> request = check("drivers/foo/foo.c", false, "static int foo_queue_rq(struct foo *priv)",
                "+\tpriv->ring = dma_alloc_coherent(priv->dev, SZ, &priv->ring_dma, GFP_ATOMIC);");
        assertEquals(List.of(), ids(request));
        List<Finding> irq = check("drivers/foo/foo.c", false, "static irqreturn_t foo_irq_init_done(int irq, void *data)",
                "+\tpriv->ring = dma_alloc_coherent(priv->dev, SZ, &priv->ring_dma, GFP_ATOMIC);");
        assertEquals(List.of(), ids(irq));
    }

    @Test
    void allocationWrappersAreSeenThrough() {
        List<Finding> kfifo = check("drivers/foo/foo.c", "+\tret = kfifo_alloc(&priv->fifo, SZ, GFP_KERNEL | GFP_DMA);");
        assertEquals(List.of("DMA008"), ids(kfifo));
        List<Finding> own = check("drivers/foo/foo.c", true, "",
                "+static void *foo_alloc_desc(struct foo *priv, gfp_t gfp)",
                "+{",
                "+\treturn kmem_cache_alloc(priv->cache, gfp);",
                "+}",
                "+static int foo_start(struct foo *priv)",
                "+{",
                "+\tdesc = foo_alloc_desc(priv, GFP_KERNEL | GFP_DMA32);",
                "+}");
        Finding d = only(own, "DMA007");
        assertEquals(7, d.line(), "reported at the wrapper's caller");
        assertTrue(d.message().contains("foo_alloc_desc()"), d.message());
    }
}
