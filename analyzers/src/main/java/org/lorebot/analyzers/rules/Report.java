package org.lorebot.analyzers.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.lorebot.analyzers.finding.Finding;
import org.lorebot.analyzers.finding.Severity;
import org.lorebot.analyzers.patch.DiffLine;

/** Collects findings for one patch, once per rule and line, and sorts them. */
final class Report {
    private final RuleCatalog catalog;
    private final PatchScan patch;
    private final List<Finding> findings = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();

    Report(RuleCatalog catalog, PatchScan patch) {
        this.catalog = catalog;
        this.patch = patch;
    }

    Rule rule(String id) {
        return catalog.get(id);
    }

    /**
     * Adds a finding. {@code context} is appended to the rule's explanation (the facts this
     * case depends on), {@code extraCitations} to its citations; either may be empty.
     */
    void add(String ruleId, Severity severity, String path, List<DiffLine> lines, String message,
             String context, String fix, List<String> extraCitations) {
        Rule rule = catalog.get(ruleId);
        int line = 0;
        for (DiffLine l : lines) {
            if (l.newLine() > 0) {
                line = l.newLine();
                break;
            }
        }
        if (!seen.add(ruleId + '\0' + path + '\0' + line)) {
            return;
        }
        String explanation = context == null || context.isBlank() ? rule.explanation()
                : rule.explanation() + " " + context.strip();
        Set<String> citations = new LinkedHashSet<>(rule.citations());
        citations.addAll(extraCitations);
        findings.add(new Finding(ruleId, severity, path, line, lines, message, explanation,
                fix == null || fix.isBlank() ? rule.fix() : fix, List.copyOf(citations)));
    }

    void add(String ruleId, Severity severity, String path, List<DiffLine> lines, String message, String context) {
        add(ruleId, severity, path, lines, message, context, null, List.of());
    }

    /** The flags each allocation rule is about, as {@link HunkScan#flagWord} spells them. */
    private static final Set<String> ZONE_FLAGS = Set.of("GFP_DMA", "GFP_DMA32", "GFP_HIGHMEM", "GFP_HIGHUSER",
            "GFP_HIGHUSER_MOVABLE");
    private static final java.util.Map<String, Set<String>> SUBJECT_FLAGS = java.util.Map.ofEntries(
            java.util.Map.entry("DMA001", ZONE_FLAGS), java.util.Map.entry("DMA002", ZONE_FLAGS),
            java.util.Map.entry("DMA003", ZONE_FLAGS), java.util.Map.entry("DMA005", ZONE_FLAGS),
            java.util.Map.entry("DMA006", ZONE_FLAGS), java.util.Map.entry("DMA007", ZONE_FLAGS),
            java.util.Map.entry("DMA008", ZONE_FLAGS), java.util.Map.entry("DMA009", ZONE_FLAGS),
            java.util.Map.entry("DMA010", ZONE_FLAGS), java.util.Map.entry("DMA012", ZONE_FLAGS),
            java.util.Map.entry("DMA013", ZONE_FLAGS), java.util.Map.entry("DMA014", ZONE_FLAGS),
            java.util.Map.entry("DMA024", ZONE_FLAGS), java.util.Map.entry("DMA004", Set.of("GFP_COMP")),
            java.util.Map.entry("DMA019", Set.of("GFP_ZERO")), java.util.Map.entry("DMA021", Set.of("GFP_NOFAIL")));

    static final String PREDATES = "The flag was already there before this patch (the patch removes an allocation "
            + "with it), so this is only a note: the patch carries it over, it does not add it.";

    /** True when the flag {@code ruleId} is about was already in code the patch replaces. */
    static boolean carriedOver(AllocationSite site, String ruleId) {
        Set<String> subject = SUBJECT_FLAGS.get(ruleId);
        return subject != null && site.flagPredates(subject);
    }

    /**
     * A finding on an allocation: quotes its lines and says when the patch kept an old mask.
     * A flag the patch carries over from code it replaces is reported at info, never posted.
     */
    void at(AllocationSite site, String ruleId, Severity severity, String path, String message,
            String context, String fix, List<String> extraCitations) {
        if (severity != Severity.INFO && carriedOver(site, ruleId)) {
            severity = Severity.INFO;
            context = context == null || context.isBlank() ? PREDATES : context + " " + PREDATES;
        }
        String note = site.unchangedMaskNote(patch);
        String all = note.isEmpty() ? context : (context == null ? "" : context + " ") + note;
        add(ruleId, severity, path, site.linesConcerned(), message, all, fix, extraCitations);
    }

    void at(AllocationSite site, String ruleId, Severity severity, String path, String message, String context) {
        at(site, ruleId, severity, path, message, context, null, List.of());
    }

    List<Finding> sorted() {
        List<Finding> out = new ArrayList<>(findings);
        out.sort(Comparator.comparing(Finding::path).thenComparingInt(Finding::line)
                .thenComparing(Finding::ruleId));
        return List.copyOf(out);
    }
}
