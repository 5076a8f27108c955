package org.lorebot.analyzers.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.lorebot.analyzers.clang.Token;
import org.lorebot.analyzers.dma.AllocatorModel;
import org.lorebot.analyzers.dma.CodeContext;
import org.lorebot.analyzers.dma.Locations;
import org.lorebot.analyzers.patch.FileDiff;
import org.lorebot.analyzers.patch.Hunk;

/** One C file of a patch: its path, where it lives in the tree, and its scanned hunks. */
final class FileScan {
    final FileDiff diff;
    final String path;
    final Set<CodeContext> contexts;
    final List<HunkScan> hunks;

    FileScan(FileDiff diff, AllocatorModel model, Locations locations) {
        this.diff = diff;
        this.path = diff.path();
        this.contexts = locations.contextsOf(path);
        List<HunkScan> scans = new ArrayList<>(diff.hunks().size());
        for (Hunk h : diff.hunks()) {
            scans.add(new HunkScan(h, model));
        }
        this.hunks = List.copyOf(scans);
    }

    /** True for the C sources and headers the rules read. */
    static boolean isC(FileDiff diff) {
        String p = diff.newPath();
        return p != null && !diff.binary() && (p.endsWith(".c") || p.endsWith(".h"));
    }

    /** The ISA DMA API: a file that uses it programs an ISA DMA controller (24-bit addresses). */
    private static final Set<String> ISA_DMA_API = Set.of(
            "request_dma", "free_dma", "set_dma_mode", "set_dma_addr", "set_dma_count", "enable_dma",
            "disable_dma", "claim_dma_lock", "isa_register_driver", "isa_virt_to_bus", "snd_dma_program");

    private Boolean usesIsaDma;

    boolean in(CodeContext context) {
        if (context == CodeContext.ISA && !contexts.contains(CodeContext.ISA)) {
            return usesIsaDma();
        }
        return contexts.contains(context);
    }

    private boolean usesIsaDma() {
        if (usesIsaDma == null) {
            usesIsaDma = false;
            for (HunkScan h : hunks) {
                for (Token t : h.tokens) {
                    if (t.isIdentifier() && ISA_DMA_API.contains(t.text())) {
                        usesIsaDma = true;
                        return true;
                    }
                }
            }
        }
        return usesIsaDma;
    }

    List<AllocationSite> allocations() {
        List<AllocationSite> all = new ArrayList<>();
        for (HunkScan h : hunks) {
            all.addAll(h.allocations());
        }
        return all;
    }
}
