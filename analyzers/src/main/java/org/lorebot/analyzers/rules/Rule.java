package org.lorebot.analyzers.rules;

import java.util.List;
import org.lorebot.analyzers.finding.Severity;

/**
 * One rule of the catalogue, as {@code lorebot explain} prints it.
 *
 * @param severity  the default severity; a finding may lower it where the rule says so
 *                  (s390, ISA or architecture code)
 * @param citations citation keys: 12-hex mainline commits, {@code lore:<message-id>}, kernel
 *                  files with an optional {@code :function()}, documentation paths
 */
public record Rule(String id, Severity severity, String title, String explanation, String fix,
                   List<String> citations) {
    public Rule {
        citations = List.copyOf(citations);
    }
}
