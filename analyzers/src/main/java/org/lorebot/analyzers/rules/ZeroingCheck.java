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
 * says the same in one call. Looks at most a few statements ahead, in the same function, and
 * only at a memset that always follows the allocation: in its block, with no path around it.
 */
final class ZeroingCheck implements Check {
    private static final int LOOKAHEAD_LINES = 8;

    /**
     * True when every path through the allocation at token {@code alloc} reaches the memset at
     * {@code memset} and no path reaches the memset without it: the memset is in the same block,
     * or in a block entered only when the allocation succeeded ({@code if (p) { memset(p, ...) }}),
     * and the allocation is not the body of an unbraced {@code if} or {@code else}.
     */
    static boolean alwaysFollows(HunkScan hunk, int alloc, int memset, String buffer) {
        List<org.lorebot.analyzers.clang.Token> tokens = hunk.tokens;
        java.util.ArrayDeque<Integer> open = new java.util.ArrayDeque<>();
        for (int k = alloc; k < memset; k++) {
            if (tokens.get(k).is("{")) {
                open.push(k);
            } else if (tokens.get(k).is("}")) {
                if (open.isEmpty()) {
                    return false; // the allocation's block ends before the memset
                }
                open.pop();
            }
        }
        for (int brace : open) {
            if (!testsSuccess(tokens, brace - 1, buffer)) {
                return false; // the memset sits behind some other condition
            }
        }
        int k = alloc - 1;
        while (k >= 0 && !tokens.get(k).is(";") && !tokens.get(k).is("{") && !tokens.get(k).is("}")
                && !tokens.get(k).is("else") && !(tokens.get(k).is(")") && opensStatement(tokens, k))) {
            k--;
        }
        return k < 0 || !tokens.get(k).is("else") && !tokens.get(k).is(")");
    }

    /** True when the ')' at {@code close} ends {@code if (buffer)} or {@code if (buffer != NULL)}. */
    private static boolean testsSuccess(List<org.lorebot.analyzers.clang.Token> tokens, int close, String buffer) {
        if (close < 0 || !tokens.get(close).is(")")) {
            return false;
        }
        int depth = 0;
        for (int k = close; k >= 0; k--) {
            if (tokens.get(k).is(")")) {
                depth++;
            } else if (tokens.get(k).is("(") && --depth == 0) {
                if (k == 0 || !tokens.get(k - 1).is("if")) {
                    return false;
                }
                String condition = HunkScan.normalize(
                        new org.lorebot.analyzers.clang.TokenSpan(tokens.subList(k + 1, close)).text());
                return condition.equals(buffer) || condition.equals(buffer + "!=NULL");
            }
        }
        return false;
    }

    /** True when the ')' at {@code close} ends the condition of an if, for or while. */
    private static boolean opensStatement(List<org.lorebot.analyzers.clang.Token> tokens, int close) {
        int depth = 0;
        for (int k = close; k >= 0; k--) {
            if (tokens.get(k).is(")")) {
                depth++;
            } else if (tokens.get(k).is("(") && --depth == 0) {
                return k > 0 && (tokens.get(k - 1).is("if") || tokens.get(k - 1).is("for")
                        || tokens.get(k - 1).is("while"));
            }
        }
        return false;
    }

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
                if (!alwaysFollows(hunk, site.call().nameIndex(), c.nameIndex(), site.assignedTo())) {
                    break; // the memset also runs when the buffer was allocated earlier: it reuses it
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
