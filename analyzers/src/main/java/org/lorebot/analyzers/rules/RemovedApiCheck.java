package org.lorebot.analyzers.rules;

import java.util.Map;
import org.lorebot.analyzers.clang.Call;
import org.lorebot.analyzers.dma.CodeContext;
import org.lorebot.analyzers.finding.Severity;

/**
 * DMA020: calls to allocation APIs that were removed from the kernel, or that belong to the
 * DMA core and are not exported to drivers. The DMA core itself, architecture DMA ops and
 * the built-in CMA users are where the internal ones legitimately appear.
 */
final class RemovedApiCheck implements Check {
    private static final Map<String, String> REMOVED = Map.ofEntries(
            Map.entry("dma_zalloc_coherent", "was removed in v5.0 (dma_alloc_coherent() zeroes)"),
            Map.entry("pci_alloc_consistent", "was removed in v5.18 with pci-dma-compat.h"),
            Map.entry("pci_zalloc_consistent", "was removed in v5.18 with pci-dma-compat.h"),
            Map.entry("pci_free_consistent", "was removed in v5.18 with pci-dma-compat.h"),
            Map.entry("pci_map_single", "was removed in v5.18 with pci-dma-compat.h"),
            Map.entry("pci_unmap_single", "was removed in v5.18 with pci-dma-compat.h"),
            Map.entry("pci_map_page", "was removed in v5.18 with pci-dma-compat.h"),
            Map.entry("pci_map_sg", "was removed in v5.18 with pci-dma-compat.h"),
            Map.entry("pci_set_dma_mask", "was removed in v5.18 with pci-dma-compat.h"),
            Map.entry("pci_set_consistent_dma_mask", "was removed in v5.18 with pci-dma-compat.h"));
    private static final Map<String, String> INTERNAL = Map.of(
            "dma_alloc_from_contiguous", "is internal to the DMA core (dma-map-ops.h) and not exported",
            "dma_release_from_contiguous", "is internal to the DMA core (dma-map-ops.h) and not exported",
            "dma_alloc_contiguous", "is internal to the DMA core (dma-map-ops.h) and not exported",
            "dma_free_contiguous", "is internal to the DMA core (dma-map-ops.h) and not exported",
            "cma_alloc", "is not exported to modules; drivers get CMA memory through the DMA API",
            "cma_release", "is not exported to modules; drivers get CMA memory through the DMA API");

    @Override
    public void check(PatchScan patch, FileScan file, Report report) {
        boolean core = file.in(CodeContext.DMA_CORE) || file.in(CodeContext.ALLOCATOR) || file.in(CodeContext.ARCH)
                || file.path.startsWith("kernel/") || file.path.startsWith("include/");
        for (HunkScan hunk : file.hunks) {
            for (Call c : hunk.calls) {
                if (!hunk.touches(c)) {
                    continue;
                }
                String why = REMOVED.get(c.name());
                if (why == null && !core && !file.in(CodeContext.S390)) {
                    why = INTERNAL.get(c.name());
                }
                if (why == null || file.path.startsWith("include/") && REMOVED.containsKey(c.name())) {
                    continue;
                }
                report.add("DMA020", Severity.ERROR, file.path, hunk.lines(c), c.name() + "() " + why, "");
            }
        }
    }
}
