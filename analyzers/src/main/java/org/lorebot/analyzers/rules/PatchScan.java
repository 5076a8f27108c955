package org.lorebot.analyzers.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lorebot.analyzers.clang.Call;
import org.lorebot.analyzers.clang.CallExtractor;
import org.lorebot.analyzers.clang.Lexer;
import org.lorebot.analyzers.clang.SourceText;
import org.lorebot.analyzers.clang.Token;
import org.lorebot.analyzers.clang.TokenSpan;
import org.lorebot.analyzers.dma.AllocatorModel;
import org.lorebot.analyzers.dma.Locations;
import org.lorebot.analyzers.patch.DiffLine;
import org.lorebot.analyzers.patch.FileDiff;
import org.lorebot.analyzers.patch.Hunk;

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
    /** Every C file diff, deleted ones included (their removed lines matter). */
    private final List<FileDiff> cDiffs = new ArrayList<>();
    final Map<String, List<Define>> defines = new HashMap<>();
    final Set<String> dmaCaches = new HashSet<>();
    final Set<String> otherCaches = new HashSet<>();
    final Set<String> maskSettingFiles = new HashSet<>();

    /** The older stable tree the subject names ({@code 5.15}), or null. */
    final String olderTree;

    PatchScan(List<FileDiff> diffs, AllocatorModel standard, Locations locations, String olderTree) {
        this.olderTree = olderTree;
        AllocatorModel model = standard;
        List<FileScan> scans = new ArrayList<>();
        for (FileDiff d : diffs) {
            String p = d.path();
            if (!d.binary() && p != null && (p.endsWith(".c") || p.endsWith(".h"))) {
                cDiffs.add(d);
            }
            if (FileScan.isC(d)) {
                scans.add(new FileScan(d, model, locations));
            }
        }
        this.files = List.copyOf(scans);
        List<org.lorebot.analyzers.dma.Allocator> wrappers = AllocationWrappers.in(files, standard);
        if (!wrappers.isEmpty()) {
            model = standard.with(wrappers);
            for (FileScan f : files) {
                for (HunkScan h : f.hunks) {
                    h.recognise(model);
                }
            }
        }
        this.model = model;
        for (FileScan f : files) {
            for (HunkScan h : f.hunks) {
                for (Define d : h.defines()) {
                    defines.computeIfAbsent(d.name(), k -> new ArrayList<>()).add(d);
                }
                if (!maskSettingFiles.contains(f.path)) {
                    for (Token t : h.tokens) {
                        if (t.isIdentifier() && t.text().length() >= 8 && t.text().indexOf("mask") >= 0
                                && MASK_SETTERS.contains(t.text())) {
                            maskSettingFiles.add(f.path);
                            break;
                        }
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
        PatchMacros macros = new PatchMacros(defines);
        for (FileScan f : files) {
            for (HunkScan h : f.hunks) {
                h.evaluate(macros);
            }
        }
    }

    private Set<String> dmaBufferMembers;
    private Map<String, Set<String>> removedMasks;
    private final AllocatorModel model;

    /**
     * True when the patch removes a call to {@code api} whose gfp argument reads exactly
     * {@code gfpText}: the call is kept or moved with its mask, not given a new one.
     * The old sides are lexed once, on first use.
     */
    boolean removesSameMask(String api, String gfpText) {
        if (removedMasks == null) {
            removedMasks = new HashMap<>();
            for (FileDiff f : cDiffs) {
                for (Hunk h : f.hunks()) {
                    if (h.lines().stream().noneMatch(l -> l.kind() == DiffLine.Kind.REMOVED)) {
                        continue;
                    }
                    List<Token> old = Lexer.lex(SourceText.oldSide(h));
                    for (Call c : new CallExtractor(old).calls(model::isAllocator)) {
                        TokenSpan gfp = c.argument(model.find(c.name()).orElseThrow().gfpArgument());
                        if (gfp != null) {
                            removedMasks.computeIfAbsent(c.name(), k -> new HashSet<>()).add(gfp.text());
                        }
                    }
                }
            }
        }
        return removedMasks.getOrDefault(api, Set.of()).contains(gfpText);
    }

    /** Member names used as DMA buffers anywhere in the patch, computed once on first use. */
    Set<String> dmaBufferMembers(java.util.function.Function<PatchScan, Set<String>> compute) {
        if (dmaBufferMembers == null) {
            dmaBufferMembers = compute.apply(this);
        }
        return dmaBufferMembers;
    }

    private Map<String, Set<String>> callers;

    /** The functions the patch shows calling {@code function}; empty when it shows none. */
    Set<String> callersOf(String function) {
        if (callers == null) {
            callers = new HashMap<>();
            for (FileScan f : files) {
                for (HunkScan h : f.hunks) {
                    h.callers.forEach((callee, from) -> callers.computeIfAbsent(callee, k -> new HashSet<>()).addAll(from));
                }
            }
        }
        return callers.getOrDefault(function, Set.of());
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
