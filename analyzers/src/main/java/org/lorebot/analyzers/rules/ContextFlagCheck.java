package org.lorebot.analyzers.rules;

import java.util.Locale;
import java.util.Set;
import org.lorebot.analyzers.clang.Token;
import org.lorebot.analyzers.clang.TokenSpan;
import org.lorebot.analyzers.dma.Allocator;
import org.lorebot.analyzers.dma.CodeContext;
import org.lorebot.analyzers.dma.NonBlockingEffect;
import org.lorebot.analyzers.finding.Severity;
import org.lorebot.analyzers.gfp.GfpFlag;
import org.lorebot.analyzers.gfp.GfpSet;

/**
 * The non-zone parts of a mask: DMA004 (__GFP_COMP to DMA allocators), DMA019 (__GFP_ZERO
 * to an allocator that zeroes anyway), DMA021 (__GFP_NOFAIL that cannot reclaim, or for a
 * costly order), DMA022 (explicit GFP_NOIO/GFP_NOFS), DMA023 (non-blocking coherent
 * allocation where the code visibly may sleep) and DMA025 (non-blocking kvmalloc/vmalloc).
 */
final class ContextFlagCheck implements Check {

    @Override
    public void check(PatchScan patch, FileScan file, Report report) {
        if (file.in(CodeContext.ALLOCATOR)) {
            return;
        }
        for (AllocationSite site : file.allocations()) {
            if (site.changed()) {
                check(patch, file, site, report);
            }
        }
    }

    private static boolean nonBlocking(GfpSet s) {
        return s.closed() && !s.has(GfpFlag.__GFP_DIRECT_RECLAIM);
    }

    private void check(PatchScan patch, FileScan file, AllocationSite site, Report report) {
        Allocator a = site.allocator();
        String call = Flags.call(site);
        if (a.rejectsCompound() && site.gfp().mayHave(GfpFlag.__GFP_COMP)) {
            boolean older = patch.olderTree != null;
            report.at(site, "DMA004", older ? Severity.WARNING : Severity.ERROR, file.path,
                    "__GFP_COMP" + Flags.through(site) + " makes " + call + " warn and return NULL (v6.2+)",
                    older ? "This patch is for the " + patch.olderTree + " tree, which still accepts the flag; "
                            + "it is wrong there too, and breaks once the code meets v6.2 or later." : "",
                    null, a.citations());
        }
        if (a.zeroes() && site.gfp().mayHave(GfpFlag.__GFP_ZERO)) {
            report.at(site, "DMA019", Severity.INFO, file.path,
                    "__GFP_ZERO is redundant: " + call + " already returns zeroed memory", "",
                    "Remove __GFP_ZERO.", java.util.List.of());
        }
        if (site.gfp().anyPath(s -> s.has(GfpFlag.__GFP_NOFAIL) && nonBlocking(s))) {
            report.at(site, "DMA021", Severity.ERROR, file.path,
                    call + " with __GFP_NOFAIL but without direct reclaim (" + site.gfpText()
                            + "): it warns and can return NULL", "");
        } else if (a.orderArgument() >= 0 && site.gfp().mayHave(GfpFlag.__GFP_NOFAIL)) {
            TokenSpan order = site.call().argument(a.orderArgument());
            if (order != null && order.tokens().size() == 1 && order.tokens().get(0).kind() == Token.Kind.NUMBER
                    && parsesAbove(order.text(), 1)) {
                report.at(site, "DMA021", Severity.ERROR, file.path,
                        call + " with __GFP_NOFAIL for order " + order.text() + ": costly orders cannot be guaranteed",
                        "");
            }
        }
        for (String spelled : new String[] {"GFP_NOIO", "GFP_NOFS"}) {
            if (site.gfpArgument().mentions(spelled) && site.hunk().touches(site.call()) && !site.keepsOldMask(patch)) {
                report.add("DMA022", Severity.INFO, file.path, site.callLines(),
                        spelled + " passed explicitly to " + call + ": prefer the memalloc_"
                                + spelled.substring(4).toLowerCase(Locale.ROOT) + "_save() scope", "");
            }
        }
        boolean allNonBlocking = site.gfp().allPaths(ContextFlagCheck::nonBlocking);
        if (allNonBlocking && a.nonBlocking() == NonBlockingEffect.NO_FALLBACK) {
            report.at(site, "DMA025", Severity.WARNING, file.path,
                    call + " with a non-blocking mask (" + site.gfpText() + ")" + Flags.through(site)
                            + ": no vmalloc fallback, unsupported before the 2025 vmalloc series", "");
        }
        if (allNonBlocking && a.nonBlocking() == NonBlockingEffect.ATOMIC_POOL
                && site.allPathsSpelledNonBlocking() && maySleep(patch, site)) {
            report.at(site, "DMA023", Severity.INFO, file.path,
                    call + " with " + site.gfpText() + " in " + site.function()
                            + "(), which looks like code that may sleep",
                    "The function's name, or its callers in the patch, and the code shown (no lock "
                            + "taken before the call) suggest a sleepable path; if a spinlock is held or this runs in interrupt context, "
                            + "GFP_ATOMIC is right.");
        }
    }

    /**
     * Probe, init and open paths, or a function the patch calls only from them, with no lock
     * or IRQ-disabling call seen before the allocation. Request, interrupt and other atomic
     * paths never count, whatever calls them.
     */
    private static boolean maySleep(PatchScan patch, AllocationSite site) {
        if (site.afterLock() || site.function().isEmpty() || atomicPath(site.function())) {
            return false;
        }
        if (setupPath(site.function())) {
            return true;
        }
        Set<String> callers = patch.callersOf(site.function());
        return !callers.isEmpty() && callers.stream().allMatch(c -> !atomicPath(c) && setupPath(c));
    }

    private static boolean atomicPath(String function) {
        String f = function.toLowerCase(Locale.ROOT);
        return f.contains("irq") || f.contains("isr") || f.contains("interrupt") || f.contains("atomic")
                || f.contains("tasklet") || f.contains("timer") || f.contains("xmit") || f.contains("prep")
                || f.contains("complete") || f.contains("callback") || f.contains("handler") || f.contains("_cb")
                || f.contains("request") || f.contains("queue") || f.contains("_rq") || f.contains("submit")
                || f.contains("poll") || f.contains("napi") || f.contains("softirq") || f.contains("done")
                || f.contains("reset") || f.contains("resume") || f.contains("restart") || f.contains("recover");
    }

    /** Set-up paths, which run in process context and may sleep. */
    private static boolean setupPath(String function) {
        String f = function.toLowerCase(Locale.ROOT);
        return f.contains("probe") || f.endsWith("_init") || f.contains("_init_") || f.startsWith("init_")
                || f.endsWith("_open") || f.endsWith("_attach") || f.endsWith("_bind");
    }

    private static boolean parsesAbove(String number, int limit) {
        try {
            return Integer.decode(number.replaceAll("[uUlL]+$", "")) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
