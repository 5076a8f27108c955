package org.lorebot.analyzers.rules;

import java.util.List;
import org.lorebot.analyzers.clang.Call;
import org.lorebot.analyzers.clang.TokenSpan;
import org.lorebot.analyzers.dma.Allocator;
import org.lorebot.analyzers.gfp.GfpValue;
import org.lorebot.analyzers.patch.DiffLine;

/**
 * A call to a known allocator in the new text of a hunk, with its gfp mask evaluated.
 *
 * @param gfpArgument   the gfp argument's tokens
 * @param gfp           what the mask may be, with variables and driver macros followed
 * @param callLines     the diff lines the call spans
 * @param feedingLines  assignments and #defines that contributed to the mask
 * @param via           names of the variables and macros the mask went through
 * @param changed       true when the patch added a line of the call or of what fed its mask
 * @param zoneDeliberate true when a zone choice is guarded by CONFIG_ZONE_DMA* (deliberate)
 * @param assignedTo    the expression the result is assigned to, or null
 * @param function      the enclosing function's name when known, else ""
 * @param afterLock     true when a lock or IRQ-disabling call precedes it in the function
 * @param mappingFallback true when it sits in the branch taken after a failed DMA mapping:
 *                      a deliberate retry in a low zone for a device with a small mask
 */
record AllocationSite(Allocator allocator, Call call, HunkScan hunk, TokenSpan gfpArgument,
                      GfpValue gfp, List<DiffLine> callLines, List<DiffLine> feedingLines,
                      List<String> via, boolean changed, boolean zoneDeliberate, String assignedTo,
                      String function, boolean afterLock, boolean mappingFallback) {

    /**
     * For quoting: the lines of this hunk that fed the mask (assignments, #defines), in order,
     * then the call's lines. Feeding lines elsewhere in the patch are named in the message
     * (through ...) rather than quoted without their file.
     */
    List<DiffLine> linesConcerned() {
        if (feedingLines.isEmpty()) {
            return callLines;
        }
        List<DiffLine> here = hunk.text.lines();
        java.util.ArrayList<DiffLine> all = new java.util.ArrayList<>();
        for (DiffLine l : here) {
            if (feedingLines.contains(l) && !callLines.contains(l)) {
                all.add(l);
            }
        }
        all.addAll(callLines);
        return all;
    }

    /** True when the argument itself names GFP_ATOMIC or GFP_NOWAIT (not a variable or 0). */
    boolean allPathsSpelledNonBlocking() {
        return gfpArgument.mentions("GFP_ATOMIC") || gfpArgument.mentions("GFP_NOWAIT");
    }

    /** A sentence for findings on a call whose mask the patch did not change, else "". */
    String unchangedMaskNote(PatchScan patch) {
        return keepsOldMask(patch)
                ? "The patch also removes a " + allocator.api() + "() call with this same mask (" + gfpText()
                + "), so this looks like existing code being kept or moved rather than a new use."
                : "";
    }

    /** True when the patch removes the same call with the same mask (kept or moved code). */
    boolean keepsOldMask(PatchScan patch) {
        return feedingLines.isEmpty() && patch.removesSameMask(allocator.api(), gfpArgument.text());
    }

    /**
     * True when every flag among {@code flags} that this call's mask spells was already in an
     * allocation the patch removes from the same hunk, where it did the same: a mechanical edit
     * ({@code kzalloc} + {@code memcpy} to {@code kmemdup}, {@code kvmalloc} to
     * {@code kvzalloc}, a context flag changed next to it) carries the flag over. A flag moved
     * to an API where it does something else (harmless on {@code dma_alloc_coherent()}, a bug on
     * {@code dma_pool_alloc()}) is new trouble.
     */
    boolean flagPredates(java.util.Set<String> flags) {
        boolean any = false;
        for (org.lorebot.analyzers.clang.Token t : gfpArgument.tokens()) {
            String word = t.isIdentifier() ? HunkScan.flagWord(t.text()) : null;
            if (word != null && flags.contains(word)) {
                any = true;
                if (hunk.oldAllocations().stream().noneMatch(o -> o.flags().contains(word) && sameEffect(o.allocator(), word))) {
                    return false;
                }
            }
        }
        return any;
    }

    /** True when {@code flag} does to {@code other} what it does to this call's allocator. */
    private boolean sameEffect(Allocator other, String flag) {
        org.lorebot.analyzers.gfp.GfpFlag zone = switch (flag) {
            case "GFP_DMA" -> org.lorebot.analyzers.gfp.GfpFlag.__GFP_DMA;
            case "GFP_DMA32" -> org.lorebot.analyzers.gfp.GfpFlag.__GFP_DMA32;
            case "GFP_HIGHMEM", "GFP_HIGHUSER", "GFP_HIGHUSER_MOVABLE" -> org.lorebot.analyzers.gfp.GfpFlag.__GFP_HIGHMEM;
            default -> null;
        };
        Allocator mine = allocator.underlying();
        return zone != null ? other.effectOf(zone) == mine.effectOf(zone) : other.family().equals(mine.family());
    }

    /** The gfp argument as written. */
    String gfpText() {
        return gfpArgument.displayText();
    }
}
