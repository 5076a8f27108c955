package org.lorebot.analyzers.rules;

import org.lorebot.analyzers.dma.CodeContext;
import org.lorebot.analyzers.finding.Severity;
import org.lorebot.analyzers.gfp.GfpFlag;

/**
 * DMA024: the patch adds GFP_DMA or GFP_DMA32 to an allocation while none of the code it
 * shows sets a DMA mask. The finding says that it is based only on what the patch shows.
 */
final class DmaMaskCheck implements Check {

    @Override
    public void check(PatchScan patch, FileScan file, Report report) {
        if (patch.setsDmaMask() || file.in(CodeContext.ALLOCATOR) || file.in(CodeContext.ARCH)
                || file.in(CodeContext.S390) || file.in(CodeContext.ISA) || file.in(CodeContext.FIRMWARE)) {
            return;
        }
        for (AllocationSite site : file.allocations()) {
            if (!site.changed() || site.zoneDeliberate()) {
                continue;
            }
            GfpFlag flag = site.gfp().mayHave(GfpFlag.__GFP_DMA) ? GfpFlag.__GFP_DMA
                    : site.gfp().mayHave(GfpFlag.__GFP_DMA32) ? GfpFlag.__GFP_DMA32 : null;
            if (flag == null) {
                continue;
            }
            String scope = file.diff.oldPath() == null ? "this new file" : "the parts of the file this patch shows";
            report.add("DMA024", Severity.INFO, file.path, site.linesConcerned(),
                    Flags.spelled(site, flag) + " expresses an addressing limit, but no DMA mask is set in " + scope,
                    "This judgement rests only on the code in the patch: no dma_set_mask(), "
                            + "dma_set_coherent_mask() or dma_set_mask_and_coherent() call appears in it.");
        }
    }
}
