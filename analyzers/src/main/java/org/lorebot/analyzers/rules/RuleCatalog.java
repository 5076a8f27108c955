package org.lorebot.analyzers.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lorebot.analyzers.dma.TsvResource;
import org.lorebot.analyzers.finding.Severity;

/** The DMA rules DMA001-DMA025, read from {@code catalog.tsv}. */
public final class RuleCatalog {
    private static final RuleCatalog STANDARD = load();

    private final Map<String, Rule> byId;

    private RuleCatalog(Map<String, Rule> byId) {
        this.byId = byId;
    }

    public static RuleCatalog standard() {
        return STANDARD;
    }

    /** All rules in id order. */
    public List<Rule> rules() {
        return List.copyOf(byId.values());
    }

    /** The rule with this id (case-insensitive), if there is one. */
    public Optional<Rule> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id.strip().toUpperCase(java.util.Locale.ROOT)));
    }

    /** The rule with this id; the checker only asks for ids the catalogue has. */
    Rule get(String id) {
        Rule r = byId.get(id);
        if (r == null) {
            throw new IllegalStateException("rule " + id + " is not in catalog.tsv");
        }
        return r;
    }

    private static RuleCatalog load() {
        TsvResource table = TsvResource.load(RuleCatalog.class, "catalog.tsv",
                "id", "severity", "title", "explanation", "fix", "citations");
        Map<String, Rule> byId = new LinkedHashMap<>();
        for (TsvResource.Row row : table.rows()) {
            Severity severity;
            try {
                severity = Severity.parse(row.get(1));
            } catch (IllegalArgumentException e) {
                throw table.error(row, e.getMessage());
            }
            Rule r = new Rule(row.get(0).strip(), severity, row.get(2).strip(), row.get(3).strip(),
                    row.get(4).strip(), TsvResource.list(row.get(5)));
            if (byId.put(r.id(), r) != null) {
                throw table.error(row, "duplicate rule " + r.id());
            }
        }
        return new RuleCatalog(byId);
    }
}
