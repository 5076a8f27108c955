package org.lorebot.analyzers.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lorebot.analyzers.clang.Call;
import org.lorebot.analyzers.clang.Token;
import org.lorebot.analyzers.clang.TokenSpan;
import org.lorebot.analyzers.dma.AllocatorModel;
import org.lorebot.analyzers.dma.Locations;
import org.lorebot.analyzers.patch.FileDiff;

/**
 * Everything the rules know about one patch: its C files, scanned once, and the facts that
 * span files: driver macros, whether any shown code sets a DMA mask, and which slab caches
 * the patch shows being created with or without {@code SLAB_CACHE_DMA}.
 */
final class PatchScan {
    private static final Set<String> MASK_SETTERS = Set.of(
            "dma_set_mask", "dma_set_coherent_mask", "dma_set_mask_and_coherent",
            "dma_coerce_mask_and_coherent", "pci_set_dma_mask", "pci_set_consistent_dma_mask",
            "coherent_dma_mask", "dma_set_min_align_mask", "dma_mask");

    final List<FileScan> files;
    final Map<String, List<Define>> defines = new HashMap<>();
    final Set<String> dmaCaches = new HashSet<>();
    final Set<String> otherCaches = new HashSet<>();
    final Set<String> maskSettingFiles = new HashSet<>();

    PatchScan(List<FileDiff> diffs, AllocatorModel model, Locations locations) {
        List<FileScan> scans = new ArrayList<>();
        for (FileDiff d : diffs) {
            if (FileScan.isC(d)) {
                scans.add(new FileScan(d, model, locations));
            }
        }
        this.files = List.copyOf(scans);
        for (FileScan f : files) {
            for (HunkScan h : f.hunks) {
                for (Define d : h.defines()) {
                    defines.computeIfAbsent(d.name(), k -> new ArrayList<>()).add(d);
                }
                for (Token t : h.tokens) {
                    if (t.isIdentifier() && MASK_SETTERS.contains(t.text())) {
                        maskSettingFiles.add(f.path);
                    }
                }
                for (Call c : h.calls) {
                    if (c.name().startsWith("kmem_cache_create") || c.name().startsWith("KMEM_CACHE")
                            || c.name().equals("__kmem_cache_create_args")) {
                        String cache = h.assignedTo(c);
                        if (cache != null) {
                            (mentionsDmaCacheFlag(c) ? dmaCaches : otherCaches).add(lastName(cache));
                        }
                    }
                }
            }
        }
        for (FileScan f : files) {
            for (HunkScan h : f.hunks) {
                h.evaluate(defines);
            }
        }
    }

    boolean setsDmaMask() {
        return !maskSettingFiles.isEmpty();
    }

    static boolean mentionsDmaCacheFlag(Call c) {
        for (TokenSpan arg : c.arguments()) {
            if (arg.mentions("SLAB_CACHE_DMA") || arg.mentions("SLAB_CACHE_DMA32")) {
                return true;
            }
        }
        return false;
    }

    /** The last identifier of an expression such as {@code hsotg->desc_gen_cache}. */
    static String lastName(String expression) {
        int i = expression.length();
        while (i > 0 && (Character.isLetterOrDigit(expression.charAt(i - 1)) || expression.charAt(i - 1) == '_')) {
            i--;
        }
        return expression.substring(i);
    }
}
