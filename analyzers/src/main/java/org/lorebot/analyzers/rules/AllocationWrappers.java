package org.lorebot.analyzers.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lorebot.analyzers.clang.Call;
import org.lorebot.analyzers.clang.Token;
import org.lorebot.analyzers.clang.TokenSpan;
import org.lorebot.analyzers.dma.Allocator;
import org.lorebot.analyzers.dma.AllocatorModel;

/**
 * A patch's own allocation wrappers: functions it defines whose {@code gfp_t} parameter is
 * passed on to an allocator of the model, such as
 * {@code static void *foo_alloc(struct foo *f, gfp_t gfp) { return kmem_cache_alloc(f->cache, gfp); }}.
 * A call of the wrapper is then judged as a call of that allocator, with the wrapper's mask.
 */
final class AllocationWrappers {
    private AllocationWrappers() {
    }

    static List<Allocator> in(List<FileScan> files, AllocatorModel model) {
        Map<String, Allocator> found = new LinkedHashMap<>();
        for (FileScan f : files) {
            for (HunkScan h : f.hunks) {
                definitions(h, model, found);
            }
        }
        return List.copyOf(found.values());
    }

    /** Function definitions in kernel style: the header starts a line, the body's braces sit in column 0. */
    private static void definitions(HunkScan h, AllocatorModel model, Map<String, Allocator> found) {
        List<Token> tokens = h.tokens;
        for (int i = 0; i + 1 < tokens.size(); i++) {
            Token name = tokens.get(i);
            if (!name.isIdentifier() || name.directive() || !tokens.get(i + 1).is("(")
                    || !h.startsInColumnZero(name.line()) || model.isAllocator(name.text())) {
                continue;
            }
            int close = h.extractor.closing(i + 1);
            if (close < 0 || close + 1 >= tokens.size()) {
                continue;
            }
            Token brace = tokens.get(close + 1);
            if (!brace.is("{") || brace.column() != 0) {
                continue;
            }
            int gfpParameter = -1;
            String gfpName = null;
            int index = 0;
            int depth = 0;
            for (int k = i + 2; k < close; k++) {
                Token t = tokens.get(k);
                if (t.is("(")) {
                    depth++;
                } else if (t.is(")")) {
                    depth--;
                } else if (depth == 0 && t.is(",")) {
                    index++;
                } else if (t.is("gfp_t") && k + 1 < close && tokens.get(k + 1).isIdentifier()) {
                    gfpParameter = index;
                    gfpName = tokens.get(k + 1).text();
                }
            }
            if (gfpName == null) {
                continue;
            }
            Allocator inner = passedTo(h, model, close + 1, gfpName);
            if (inner != null) {
                found.putIfAbsent(name.text(), Allocator.wrapper(name.text(), gfpParameter, inner));
            }
            i = close;
        }
    }

    /** The allocator the body opened at {@code brace} hands {@code gfp} to, or null. */
    private static Allocator passedTo(HunkScan h, AllocatorModel model, int brace, String gfp) {
        for (Call c : h.calls) {
            if (c.nameIndex() <= brace || !h.sameFunction(c.nameIndex(), brace + 1)) {
                continue;
            }
            Allocator a = model.find(c.name()).orElse(null);
            TokenSpan argument = a == null ? null : c.argument(a.gfpArgument());
            if (argument != null && argument.mentions(gfp)) {
                return a;
            }
        }
        return null;
    }
}
