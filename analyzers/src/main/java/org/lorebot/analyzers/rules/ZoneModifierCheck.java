package org.lorebot.analyzers.rules;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lorebot.analyzers.dma.Allocator;
import org.lorebot.analyzers.dma.CodeContext;
import org.lorebot.analyzers.dma.ZoneEffect;
import org.lorebot.analyzers.finding.Severity;
import org.lorebot.analyzers.gfp.GfpFlag;

/**
 * Zone modifiers judged against the allocator model: DMA001, DMA003, DMA005-DMA008, DMA010,
 * DMA013, DMA014 from each API's zone effects, plus the mask-wide DMA002 (only zone bits)
 * and DMA012 (two zone bits). Code that implements the allocators, and zone choices
 * guarded by {@code CONFIG_ZONE_DMA*}, are left alone. Every rule that applies is reported:
 * a zone-only mask on a coherent allocator is DMA002 and DMA001, a mapped GFP_DMA kmalloc
 * DMA008 here and DMA009 in {@link MappingCheck}.
 */
final class ZoneModifierCheck implements Check {
    private static final long ZONE_ONLY_ALLOWED = GfpFlag.ZONE_BITS
            | GfpFlag.bits(GfpFlag.__GFP_ZERO, GfpFlag.__GFP_NOWARN);
    private static final long ZONE_MODIFIER_BITS = GfpFlag.bits(GfpFlag.__GFP_DMA, GfpFlag.__GFP_DMA32,
            GfpFlag.__GFP_HIGHMEM);

    @Override
    public void check(PatchScan patch, FileScan file, Report report) {
        if (file.in(CodeContext.ALLOCATOR)) {
            return;
        }
        for (AllocationSite site : file.allocations()) {
            if (site.changed() && !site.zoneDeliberate()) {
                check(patch, file, site, report);
            }
        }
    }

    private void check(PatchScan patch, FileScan file, AllocationSite site, Report report) {
        Allocator a = site.allocator();
        boolean arch = file.in(CodeContext.ARCH);
        // GFP_DMA/GFP_DMA32 with nothing else: a forgotten context mask. A bare __GFP_HIGHMEM
        // (drbd's GFP_TRY, hibernation) is a deliberate no-reclaim page request instead.
        boolean zoneOnly = site.gfp().anyPath(s -> s.closed()
                && (s.has(GfpFlag.__GFP_DMA) || s.has(GfpFlag.__GFP_DMA32))
                && (s.bits() & ~ZONE_ONLY_ALLOWED) == 0);
        String call = Flags.call(site);
        if (zoneOnly && !arch) {
            boolean s390 = file.in(CodeContext.S390);
            String context = family(a).equals("dma") ? "Here the DMA API strips the zone bit, leaving a mask of 0." : "";
            if (s390) {
                context += " s390 code often allocates like this from atomic context; GFP_NOWAIT | GFP_DMA "
                        + "(or GFP_ATOMIC | GFP_DMA) says so explicitly.";
            }
            report.at(site, "DMA002", s390 ? Severity.WARNING : Severity.ERROR, file.path,
                    call + " gets a gfp mask with only zone modifiers (" + site.gfpText() + ")"
                            + Flags.through(site) + ": it can neither sleep nor reclaim", context.strip());
        }
        boolean conflict = site.gfp().anyPath(s -> Long.bitCount(s.bits() & ZONE_MODIFIER_BITS) >= 2);
        if (conflict) {
            report.at(site, "DMA012", Severity.ERROR, file.path,
                    call + " gets conflicting zone modifiers: " + site.gfpText() + Flags.through(site), "");
        }
        Map<ZoneEffect, List<GfpFlag>> effects = new EnumMap<>(ZoneEffect.class);
        for (GfpFlag flag : Flags.ZONE_MODIFIERS) {
            if (site.gfp().mayHave(flag)) {
                effects.computeIfAbsent(a.effectOf(flag), k -> new ArrayList<>()).add(flag);
            }
        }
        for (Map.Entry<ZoneEffect, List<GfpFlag>> e : effects.entrySet()) {
            String flags = names(site, e.getValue());
            String via = "";
            boolean conditional = site.mappingFallback()
                    || e.getValue().stream().allMatch(f -> Flags.conditional(site, f));
            switch (e.getKey()) {
                case REDUNDANT -> {
                    // with a zone-only mask too: DMA002 asks for a context mask, DMA001 to drop the zone
                    if (!arch) {
                        report.at(site, "DMA001", Severity.WARNING, file.path,
                                flags + via + " passed to " + call + " is stripped and has no effect",
                                a.family().equals("coherent-managed")
                                        ? "dmam_ variants also kmalloc their devres record with these flags, "
                                        + "which puts it in ZONE_DMA." : "",
                                null, a.citations());
                    }
                }
                case REJECTED -> report.at(site, "DMA003", Severity.ERROR, file.path,
                        flags + via + " makes " + call + " warn and return NULL", "", null, a.citations());
                case POOL_METADATA -> report.at(site, "DMA005", Severity.WARNING, file.path,
                        flags + via + " passed to " + call + " does nothing for the buffer and puts the pool's metadata in ZONE_DMA",
                        "", null, a.citations());
                case METADATA_SLAB_BUG -> report.at(site, "DMA006", Severity.ERROR, file.path,
                        flags + via + " passed to " + call + " reaches a kmalloc and triggers the \"Unexpected gfp\" warning",
                        "", null, a.citations());
                case SLAB_BUG -> report.at(site, "DMA007", Severity.ERROR, file.path,
                        call + " with " + flags + via + ": kmalloc has no such caches, the bits are stripped with a warning",
                        "", null, a.citations());
                case DMA_KMALLOC -> dmaKmalloc(file, site, flags + via, conditional, report);
                case CACHE_PROPERTY -> cacheProperty(patch, file, site, flags + via, report);
                case ARCH_ZONE -> archZone(file, site, flags + via, conditional, report);
                case STRIPPED_VIRT -> {
                    if (!arch) {
                        report.at(site, "DMA013", Severity.WARNING, file.path,
                                flags + via + " passed to " + call + " is dropped: it returns a kernel virtual address",
                                "", "Remove " + flags + "; use alloc_pages() and kmap_local_page() if highmem pages are wanted.",
                                a.citations());
                    }
                }
                case UNSUPPORTED -> report.at(site, "DMA014", Severity.WARNING, file.path,
                        flags + via + " passed to " + call + " is not supported by vmalloc", "", null, a.citations());
                case IMPLICIT -> report.at(site, "DMA014", Severity.INFO, file.path,
                        flags + via + " passed to " + call + " is redundant: vmalloc adds it itself",
                        "", "Remove " + flags + ".", a.citations());
                case OK -> {
                }
            }
        }
    }

    private static String family(Allocator a) {
        return a.family().startsWith("coherent") || a.family().equals("dma-pool") || a.family().equals("dma-pages")
                ? "dma" : a.family();
    }

    private static final String CONDITIONAL = "The flag is set only on some paths, so the code chooses the zone "
            + "deliberately; this is only a note.";
    private static final String FALLBACK = "The allocation retries in a low zone after a DMA mapping failed, "
            + "a deliberate fallback for devices with small masks; this is only a note.";

    private static void dmaKmalloc(FileScan file, AllocationSite site, String flags, boolean conditional, Report report) {
        Severity severity = conditional ? Severity.INFO : Severity.WARNING;
        String context = site.mappingFallback() ? FALLBACK : conditional ? CONDITIONAL : "";
        if (file.in(CodeContext.S390)) {
            severity = Severity.INFO;
            context = "This is s390 code, which needs memory below 2 GiB for channel I/O; "
                    + "maintainers accept GFP_DMA there, so this is only a note.";
        } else if (file.in(CodeContext.ISA)) {
            severity = Severity.INFO;
            context = "This driver does ISA-style DMA with 24-bit addresses, where ZONE_DMA is the real limit; "
                    + "the DMA API with a 24-bit mask is still preferred.";
        } else if (file.in(CodeContext.ARCH)) {
            severity = Severity.INFO;
            context = "This is architecture code, which knows what its ZONE_DMA means.";
        }
        report.at(site, "DMA008", severity, file.path,
                Flags.call(site) + " with " + flags + " allocates from the dma-kmalloc caches",
                context, null, site.allocator().citations());
    }

    private static void cacheProperty(PatchScan patch, FileScan file, AllocationSite site, String flags, Report report) {
        String cache = site.call().argument(0) == null || site.allocator().wraps() != null ? null
                : PatchScan.lastName(HunkScan.normalize(site.call().argument(0).text()));
        if (cache != null && patch.dmaCaches.contains(cache)) {
            return; // the cache is created with SLAB_CACHE_DMA: the flag is merely redundant
        }
        String context = cache != null && patch.otherCaches.contains(cache)
                ? "The patch creates " + cache + " without SLAB_CACHE_DMA."
                : "Unless " + (cache == null ? "the cache" : cache) + " was created with SLAB_CACHE_DMA, the flag is ignored; "
                + "if it was, the flag is redundant.";
        report.at(site, "DMA010", Severity.WARNING, file.path,
                flags + " passed to " + Flags.call(site) + " does not choose the zone: the cache does",
                context, null, site.allocator().citations());
    }

    private static void archZone(FileScan file, AllocationSite site, String flags, boolean conditional, Report report) {
        if (file.in(CodeContext.ARCH)) {
            return;
        }
        Severity severity = conditional ? Severity.INFO : Severity.WARNING;
        String context = site.mappingFallback() ? FALLBACK : conditional ? CONDITIONAL : "";
        if (file.in(CodeContext.S390)) {
            severity = Severity.INFO;
            context = "In s390 code a raw low allocation is acceptable (channel I/O needs memory below 2 GiB).";
        } else if (file.in(CodeContext.X86_ONLY)) {
            severity = Severity.INFO;
            context = "This code builds only for x86, where ZONE_DMA and ZONE_DMA32 have a fixed meaning.";
        } else if (file.in(CodeContext.IOMMU)) {
            severity = Severity.INFO;
            context = "IOMMU page tables are walked by the IOMMU by physical address, a legitimate reason "
                    + "for a low zone; check that this allocation is one.";
        } else if (file.in(CodeContext.FIRMWARE)) {
            severity = Severity.INFO;
            context = "Firmware interfaces that need low memory are not device DMA; check that this is one.";
        }
        report.at(site, "DMA013", severity, file.path,
                Flags.call(site) + " with " + flags + ": what this zone means depends on the architecture",
                context, null, site.allocator().citations());
    }

    /** "GFP_DMA" or "GFP_DMA32 and __GFP_HIGHMEM", with " (through gfp)" when not written in the call. */
    private static String names(AllocationSite site, List<GfpFlag> flags) {
        Map<String, Boolean> spelled = new LinkedHashMap<>();
        for (GfpFlag f : flags) {
            spelled.put(Flags.spelled(site, f), true);
        }
        String names = String.join(" and ", spelled.keySet());
        boolean written = spelled.keySet().stream().allMatch(n -> site.gfpArgument().mentions(n));
        return written ? names : names + Flags.through(site);
    }
}
