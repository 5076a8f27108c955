package org.lorebot.analyzers.rules;

import org.lorebot.analyzers.clang.Call;
import org.lorebot.analyzers.dma.CodeContext;
import org.lorebot.analyzers.finding.Severity;

/**
 * DMA011: the patch creates a slab cache with SLAB_CACHE_DMA or SLAB_CACHE_DMA32.
 * s390, firmware and IOMMU page-table code have accepted reasons and are not asked.
 */
final class SlabCacheCheck implements Check {

    @Override
    public void check(PatchScan patch, FileScan file, Report report) {
        if (file.in(CodeContext.ALLOCATOR) || file.in(CodeContext.S390) || file.in(CodeContext.FIRMWARE)
                || file.in(CodeContext.ARCH) || file.path.startsWith("drivers/iommu/")) {
            return;
        }
        for (HunkScan hunk : file.hunks) {
            for (Call c : hunk.calls) {
                boolean creates = c.name().startsWith("kmem_cache_create") || c.name().startsWith("KMEM_CACHE")
                        || c.name().equals("__kmem_cache_create_args");
                if (!creates || !hunk.touches(c) || !PatchScan.mentionsDmaCacheFlag(c)
                        || hunk.tokens.get(c.nameIndex()).zoneGuarded()) {
                    continue;
                }
                String flag = c.arguments().stream().anyMatch(a -> a.mentions("SLAB_CACHE_DMA32"))
                        ? "SLAB_CACHE_DMA32" : "SLAB_CACHE_DMA";
                report.add("DMA011", Severity.INFO, file.path, hunk.lines(c),
                        "new slab cache with " + flag + ": what hardware needs it?", "");
            }
        }
    }
}
