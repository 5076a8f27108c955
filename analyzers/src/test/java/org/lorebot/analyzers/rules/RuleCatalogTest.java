package org.lorebot.analyzers.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lorebot.analyzers.finding.Severity;

class RuleCatalogTest {

    /** Default severities of DMA001..DMA025 as the domain catalogue (rules.tsv) gives them. */
    private static final List<String> DOMAIN_SEVERITIES = List.of(
            "warning", "error", "error", "error", "warning",
            "error", "error", "warning", "warning", "warning",
            "info", "error", "warning", "warning", "error",
            "warning", "warning", "info", "info", "error",
            "error", "info", "info", "info", "warning");

    @Test
    void catalogueHasTheDomainRulesWithTheirSeverities() {
        List<Rule> rules = RuleCatalog.standard().rules();
        assertEquals(25, rules.size());
        for (int i = 0; i < rules.size(); i++) {
            Rule r = rules.get(i);
            assertEquals(String.format("DMA%03d", i + 1), r.id());
            assertEquals(Severity.parse(DOMAIN_SEVERITIES.get(i)), r.severity(), r.id());
            assertFalse(r.title().isBlank());
            assertFalse(r.explanation().isBlank());
            assertFalse(r.fix().isBlank());
            assertFalse(r.citations().isEmpty(), r.id() + " cites nothing");
        }
    }

    @Test
    void findIsCaseInsensitiveAndEmptyForUnknownIds() {
        assertEquals("DMA009", RuleCatalog.standard().find("dma009").orElseThrow().id());
        assertTrue(RuleCatalog.standard().find("DMA999").isEmpty());
        assertTrue(RuleCatalog.standard().find(null).isEmpty());
    }
}
