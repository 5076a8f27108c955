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

    /** A finding on an allocation: quotes its lines and says when the patch kept an old mask. */
    void at(AllocationSite site, String ruleId, Severity severity, String path, String message,
            String context, String fix, List<String> extraCitations) {
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
