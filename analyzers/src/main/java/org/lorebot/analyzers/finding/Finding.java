package org.lorebot.analyzers.finding;

import java.util.List;
import org.lorebot.analyzers.patch.DiffLine;

/**
 * One problem a rule found in what a patch changes.
 *
 * @param ruleId      the catalogue id, e.g. {@code DMA009}
 * @param severity    how much it matters (context may lower the catalogue's severity)
 * @param path        the kernel file, as the diff names it after the patch
 * @param line        line number in the new file of the first line concerned
 * @param lines       the diff lines concerned, in order, for quoting
 * @param message     one line saying what is wrong here
 * @param explanation why, in a few sentences, with the facts this case depends on
 * @param fix         what to do instead
 * @param citations   citation keys from the allocator model (commits, lore message-ids, files)
 */
public record Finding(String ruleId, Severity severity, String path, int line,
                      List<DiffLine> lines, String message, String explanation, String fix,
                      List<String> citations) {
    public Finding {
        lines = List.copyOf(lines);
        citations = List.copyOf(citations);
    }
}
