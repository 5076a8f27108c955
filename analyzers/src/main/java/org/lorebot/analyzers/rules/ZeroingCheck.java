package org.lorebot.analyzers.rules;

import java.util.ArrayList;
import java.util.List;
import org.lorebot.analyzers.clang.Call;
import org.lorebot.analyzers.clang.TokenSpan;
import org.lorebot.analyzers.dma.CodeContext;
import org.lorebot.analyzers.finding.Severity;
import org.lorebot.analyzers.patch.DiffLine;

/**
 * DMA019, second half: {@code memset(p, 0, n)} right after a coherent DMA allocation that
 * already zeroes {@code p}, or after {@code dma_pool_alloc()} where {@code dma_pool_zalloc()}
 * says the same in one call. Looks at most a few statements ahead, in the same function.
 */
final class ZeroingCheck implements Check {
    private static final int LOOKAHEAD_LINES = 8;

    @Override
    public void check(PatchScan patch, FileScan file, Report report) {
        if (file.in(CodeContext.ALLOCATOR)) {
            return;
        }
        for (AllocationSite site : file.allocations()) {
            String family = site.allocator().family();
            boolean coherent = family.startsWith("coherent");
            boolean pool = site.allocator().api().equals("dma_pool_alloc");
            if (!coherent && !pool || site.assignedTo() == null) {
                continue;
            }
            HunkScan hunk = site.hunk();
            for (Call c : hunk.callsAfter(site.call())) {
                if (!c.name().equals("memset")) {
                    continue;
                }
                if (c.firstLine() > site.call().lastLine() + LOOKAHEAD_LINES
                        || !hunk.sameFunction(c.nameIndex(), site.call().nameIndex())) {
                    break;
                }
                TokenSpan target = c.argument(0);
                TokenSpan value = c.argument(1);
                if (target == null || value == null || !value.text().equals("0")) {
                    continue;
                }
                String t = HunkScan.normalize(target.text()).replaceFirst("^\\([a-z0-9_ ]*\\*\\)", "");
                if (!t.equals(site.assignedTo())) {
                    continue;
                }
                if (!hunk.touches(c) && !site.changed()) {
                    break;
                }
                List<DiffLine> lines = new ArrayList<>(site.callLines());
                for (DiffLine l : hunk.lines(c)) {
                    if (!lines.contains(l)) {
                        lines.add(l);
                    }
                }
                if (coherent) {
                    report.add("DMA019", Severity.INFO, file.path, lines,
                            "memset() after " + Flags.call(site) + " is redundant: the memory is already zeroed",
                            "", "Remove the memset().", List.of());
                } else {
                    report.add("DMA019", Severity.INFO, file.path, lines,
                            "dma_pool_alloc() followed by memset(): use dma_pool_zalloc()",
                            "", "Replace dma_pool_alloc() and memset() with dma_pool_zalloc().", List.of());
                }
                break;
            }
        }
    }
}
