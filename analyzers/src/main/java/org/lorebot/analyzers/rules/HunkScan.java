package org.lorebot.analyzers.rules;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
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
import org.lorebot.analyzers.dma.Allocator;
import org.lorebot.analyzers.dma.AllocatorModel;
import org.lorebot.analyzers.gfp.GfpEvaluator;
import org.lorebot.analyzers.gfp.GfpExpression;
import org.lorebot.analyzers.gfp.GfpMacros;
import org.lorebot.analyzers.gfp.GfpParser;
import org.lorebot.analyzers.gfp.GfpValue;
import org.lorebot.analyzers.patch.DiffLine;
import org.lorebot.analyzers.patch.Hunk;

/**
 * The new text of one hunk, lexed once: the calls the rules look at and, after
 * {@link #evaluate}, every allocation with its gfp mask resolved through local variables
 * ({@code gfp_t gfp = GFP_KERNEL; ... gfp |= GFP_DMA;}) and the patch's macros.
 * Assignments inside a block or after an unbraced {@code if} count as "maybe".
 */
final class HunkScan {
    /** Calls other than allocations that some rule inspects. */
    static final Set<String> OTHER_CALLS = Set.of(
            "dma_map_single", "dma_map_single_attrs", "dma_map_page", "dma_map_page_attrs",
            "sg_init_one", "sg_set_buf", "usb_fill_bulk_urb", "usb_fill_int_urb",
            "usb_fill_control_urb", "usb_bulk_msg", "usb_interrupt_msg", "usb_control_msg",
            "spi_write", "spi_read", "memset", "virt_to_phys", "__pa", "page_to_phys",
            "virt_to_bus", "writel", "writel_relaxed", "writeq", "writeq_relaxed", "iowrite32",
            "iowrite64", "iowrite32be", "iowrite64be", "__raw_writel", "__raw_writeq",
            "lo_hi_writeq", "hi_lo_writeq", "iowrite64_lo_hi", "iowrite64_hi_lo",
            "kmem_cache_create", "kmem_cache_create_usercopy", "KMEM_CACHE", "KMEM_CACHE_USERCOPY",
            "__kmem_cache_create_args", "vmalloc", "vzalloc", "vmalloc_32", "vmalloc_user",
            "vmap", "dma_zalloc_coherent", "pci_alloc_consistent", "pci_zalloc_consistent",
            "pci_free_consistent", "pci_map_single", "pci_unmap_single", "pci_map_page",
            "pci_map_sg", "pci_set_dma_mask", "pci_set_consistent_dma_mask",
            "dma_alloc_from_contiguous", "dma_release_from_contiguous", "dma_alloc_contiguous",
            "dma_free_contiguous", "cma_alloc", "cma_release");

    private static final Set<String> TYPE_OR_QUALIFIER = Set.of(
            "gfp_t", "const", "unsigned", "int", "long", "u32", "static", "register");

    private final AllocatorModel model;
    final Hunk hunk;
    final SourceText text;
    final List<Token> tokens;
    final CallExtractor extractor;
    final List<Call> calls;
    private final List<AllocationSite> allocations = new ArrayList<>();
    /** Per token, which function body it is in: column-0 braces start a new one. */
    private final int[] region;

    HunkScan(Hunk hunk, AllocatorModel model) {
        this.model = model;
        this.hunk = hunk;
        this.text = SourceText.newSide(hunk);
        this.tokens = Lexer.lex(text);
        this.extractor = new CallExtractor(tokens);
        this.calls = extractor.calls(name -> model.isAllocator(name) || OTHER_CALLS.contains(name));
        this.region = new int[tokens.size()];
        int r = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (!t.directive() && t.column() == 0 && (t.is("{") || t.is("}"))) {
                r++;
            }
            region[i] = r;
        }
    }

    /** True when both tokens lie in the same function body, as far as this hunk shows. */
    boolean sameFunction(int tokenA, int tokenB) {
        return region[tokenA] == region[tokenB];
    }

    List<AllocationSite> allocations() {
        return allocations;
    }

    /** True when the call's own lines include an added line. */
    boolean touches(Call call) {
        return text.anyAdded(call.firstLine(), call.lastLine());
    }

    List<DiffLine> lines(Call call) {
        return text.range(call.firstLine(), call.lastLine());
    }

    /** The object-like #defines of this hunk's new text. */
    List<Define> defines() {
        List<Define> out = new ArrayList<>();
        for (int i = 0; i + 2 < tokens.size(); i++) {
            Token hash = tokens.get(i);
            if (!hash.directive() || !hash.is("#") || !tokens.get(i + 1).is("define")) {
                continue;
            }
            Token name = tokens.get(i + 2);
            if (!name.isIdentifier()) {
                continue;
            }
            int bodyStart = i + 3;
            if (bodyStart < tokens.size() && tokens.get(bodyStart).is("(")
                    && tokens.get(bodyStart).line() == name.line()
                    && tokens.get(bodyStart).column() == name.column() + name.text().length()) {
                continue; // function-like macro
            }
            int end = bodyStart;
            while (end < tokens.size() && tokens.get(end).directive() && !tokens.get(end).is("#")) {
                end++;
            }
            out.add(new Define(name.text(), new TokenSpan(tokens.subList(bodyStart, end)),
                    text.diffLine(name.line()), name.zoneGuarded()));
        }
        return out;
    }

    /** A tracked local gfp variable: its possible values and the lines that set them. */
    private record Variable(GfpValue value, List<DiffLine> lines, List<String> via) { }

    /** Resolves each allocation's gfp argument; call once, after the patch's defines are known. */
    void evaluate(Map<String, List<Define>> defines) {
        Map<String, Variable> scope = new HashMap<>();
        Deque<Map<String, Variable>> blocks = new ArrayDeque<>();
        String function = functionName(hunk.heading());
        String headerCandidate = null;
        int headerLine = -1;
        boolean locked = false;
        int next = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (!t.directive() && t.column() == 0 && (t.is("{") || t.is("}"))) {
                // Kernel style: braces in column 0 open and close function bodies.
                scope.clear();
                blocks.clear();
                locked = false;
                function = t.is("{") && headerCandidate != null ? headerCandidate : "";
            } else if (t.is("{")) {
                blocks.push(new HashMap<>(scope));
            } else if (t.is("}") && !blocks.isEmpty()) {
                scope = mergeAfterBlock(blocks.pop(), scope);
            } else if (t.isIdentifier() && i + 1 < tokens.size() && tokens.get(i + 1).is("(")) {
                if (!t.directive() && t.line() != headerLine && startsInColumnZero(t.line())) {
                    headerCandidate = t.text();
                    headerLine = t.line();
                }
                if (isLock(t.text())) {
                    locked = true;
                }
            } else if (t.isIdentifier() && i + 1 < tokens.size() && isAssignment(tokens.get(i + 1))
                    && assignmentStart(i)) {
                assign(i, scope, defines);
            }
            while (next < calls.size() && calls.get(next).nameIndex() <= i) {
                Call call = calls.get(next++);
                Allocator a = call.nameIndex() == i ? model.find(call.name()).orElse(null) : null;
                if (a != null) {
                    site(a, call, scope, defines, function, locked);
                }
            }
        }
    }

    private boolean startsInColumnZero(int line) {
        String s = text.text(line);
        return !s.isEmpty() && Character.isLetter(s.charAt(0));
    }

    private static boolean isLock(String name) {
        char c = name.charAt(0);
        if (c != 's' && c != 'r' && c != 'w' && c != 'l' && c != 'p') {
            return false;
        }
        return name.startsWith("spin_lock") || name.startsWith("raw_spin_lock")
                || name.startsWith("read_lock") || name.startsWith("write_lock")
                || name.startsWith("spin_trylock") || name.startsWith("local_irq_")
                && !name.equals("local_irq_enable") && !name.equals("local_irq_restore")
                || name.startsWith("rcu_read_lock") || name.equals("preempt_disable")
                || name.equals("local_bh_disable");
    }

    private static boolean isAssignment(Token t) {
        return t.kind() == Token.Kind.PUNCT && (t.is("=") || t.is("|=") || t.is("&="));
    }

    /** True when the identifier at {@code i} starts an assignment to a plain local name. */
    private boolean assignmentStart(int i) {
        if (i == 0) {
            return true;
        }
        Token prev = tokens.get(i - 1);
        if (prev.is(".") || prev.is("->") || prev.is("*") && i >= 2 && !tokens.get(i - 2).isIdentifier()) {
            return false;
        }
        return prev.is(";") || prev.is("{") || prev.is("}") || prev.is(")") || prev.is(",")
                || prev.is("else") || prev.isIdentifier() || prev.is("*");
    }

    private void assign(int i, Map<String, Variable> scope, Map<String, List<Define>> defines) {
        String name = tokens.get(i).text();
        String op = tokens.get(i + 1).text();
        int end = i + 2;
        int depth = 0;
        while (end < tokens.size()) {
            Token t = tokens.get(end);
            if (t.is("(") || t.is("[") || t.is("{")) {
                depth++;
            } else if (t.is(")") || t.is("]") || t.is("}")) {
                if (depth == 0) {
                    break;
                }
                depth--;
            } else if (depth == 0 && (t.is(";") || t.is(","))) {
                break;
            }
            end++;
        }
        List<Token> rhs = tokens.subList(i + 2, end);
        Variable old = scope.get(name);
        if (!mentionsGfp(rhs, scope, defines)) {
            if (op.equals("=")) {
                scope.remove(name);
            }
            return;
        }
        List<DiffLine> lines = new ArrayList<>();
        List<String> via = new ArrayList<>();
        GfpValue value = evaluate(GfpParser.parse(rhs), scope, defines, lines, via);
        GfpValue before = old != null ? old.value() : GfpValue.UNKNOWN;
        if (op.equals("|=")) {
            value = before.or(value);
        } else if (op.equals("&=")) {
            value = before.and(value);
        }
        Token prev = i > 0 ? tokens.get(i - 1) : null;
        boolean conditional = prev != null && (prev.is(")") && closesCondition(i - 1) || prev.is("else"));
        if (conditional) {
            value = before.either(value);
        }
        for (int l = tokens.get(i).line(); l <= (end < tokens.size() ? tokens.get(end).line() : text.size() - 1); l++) {
            if (!lines.contains(text.diffLine(l))) {
                lines.add(text.diffLine(l));
            }
        }
        if (old != null) {
            for (DiffLine l : old.lines()) {
                if (!lines.contains(l)) {
                    lines.add(l);
                }
            }
            via.addAll(old.via());
        }
        if (!via.contains(name)) {
            via.add(0, name);
        }
        scope.put(name, new Variable(value, lines, via));
    }

    /** True when the ')' at {@code close} ends the condition of an if/while/for. */
    private boolean closesCondition(int close) {
        int depth = 0;
        for (int k = close; k >= 0 && k > close - 200; k--) {
            Token t = tokens.get(k);
            if (t.is(")")) {
                depth++;
            } else if (t.is("(")) {
                depth--;
                if (depth == 0) {
                    return k > 0 && (tokens.get(k - 1).is("if") || tokens.get(k - 1).is("while")
                            || tokens.get(k - 1).is("for"));
                }
            }
        }
        return false;
    }

    private static boolean mentionsGfp(List<Token> rhs, Map<String, Variable> scope,
                                       Map<String, List<Define>> defines) {
        GfpMacros macros = GfpMacros.standard();
        for (Token t : rhs) {
            if (t.isIdentifier() && (macros.isKnown(t.text()) || scope.containsKey(t.text())
                    || definesGfp(t.text(), defines, 0))) {
                return true;
            }
        }
        return false;
    }

    private static boolean definesGfp(String name, Map<String, List<Define>> defines, int depth) {
        List<Define> ds = defines.get(name);
        if (ds == null || depth > 8) {
            return false;
        }
        GfpMacros macros = GfpMacros.standard();
        for (Define d : ds) {
            for (Token t : d.body().tokens()) {
                if (t.isIdentifier() && (macros.isKnown(t.text()) || definesGfp(t.text(), defines, depth + 1))) {
                    return true;
                }
            }
        }
        return false;
    }

    private Map<String, Variable> mergeAfterBlock(Map<String, Variable> before, Map<String, Variable> after) {
        Map<String, Variable> merged = new HashMap<>(before);
        for (Map.Entry<String, Variable> e : after.entrySet()) {
            Variable was = before.get(e.getKey());
            Variable now = e.getValue();
            if (was == now) {
                continue;
            }
            GfpValue prior = was != null ? was.value() : GfpValue.UNKNOWN;
            merged.put(e.getKey(), new Variable(prior.either(now.value()), now.lines(), now.via()));
        }
        return merged;
    }

    private GfpValue evaluate(GfpExpression e, Map<String, Variable> scope,
                              Map<String, List<Define>> defines, List<DiffLine> lines, List<String> via) {
        return GfpEvaluator.evaluate(e, name -> {
            Variable v = scope.get(name);
            if (v != null) {
                for (DiffLine l : v.lines()) {
                    if (!lines.contains(l)) {
                        lines.add(l);
                    }
                }
                for (String n : v.via()) {
                    if (!via.contains(n)) {
                        via.add(n);
                    }
                }
                return v.value();
            }
            return expand(name, defines, lines, via, new HashSet<>());
        });
    }

    private static GfpValue expand(String name, Map<String, List<Define>> defines, List<DiffLine> lines,
                                   List<String> via, Set<String> expanding) {
        List<Define> ds = defines.get(name);
        if (ds == null || !expanding.add(name) || expanding.size() > 8) {
            return null;
        }
        GfpValue value = null;
        for (Define d : ds) {
            GfpValue v = GfpEvaluator.evaluate(GfpParser.parse(d.body()),
                    n -> expand(n, defines, lines, via, expanding));
            value = value == null ? v : value.either(v);
            if (!lines.contains(d.line())) {
                lines.add(d.line());
            }
        }
        expanding.remove(name);
        if (!via.contains(name)) {
            via.add(name);
        }
        return value;
    }

    private void site(Allocator a, Call call, Map<String, Variable> scope, Map<String, List<Define>> defines,
                      String function, boolean locked) {
        TokenSpan gfpArg = call.argument(a.gfpArgument());
        if (gfpArg == null || gfpArg.isEmpty()) {
            return;
        }
        List<DiffLine> feeding = new ArrayList<>();
        List<String> via = new ArrayList<>();
        GfpValue value = evaluate(GfpParser.parse(gfpArg), scope, defines, feeding, via);
        List<DiffLine> callLines = lines(call);
        feeding.removeAll(callLines);
        boolean changed = touches(call);
        for (DiffLine l : feeding) {
            changed |= l.kind() == DiffLine.Kind.ADDED;
        }
        boolean deliberate = tokens.get(call.nameIndex()).zoneGuarded();
        for (Token t : gfpArg.tokens()) {
            deliberate |= t.zoneGuarded() || t.text().equals("IS_ENABLED") || t.text().startsWith("CONFIG_ZONE_DMA");
        }
        for (String n : via) {
            List<Define> ds = defines.get(n);
            if (ds != null) {
                for (Define d : ds) {
                    deliberate |= d.zoneGuarded();
                }
            }
        }
        allocations.add(new AllocationSite(a, call, this, gfpArg, value, callLines, feeding, via,
                changed, deliberate, assignedTo(call), function, locked));
    }

    /** The expression a call's result is assigned to ({@code host->buf}, {@code p}), or null. */
    String assignedTo(Call call) {
        int k = call.nameIndex() - 1;
        if (k >= 0 && tokens.get(k).is(")")) {
            // skip a cast such as (void *) or (unsigned long)
            int limit = Math.max(0, k - 8);
            while (k > limit && !tokens.get(k).is("(")) {
                k--;
            }
            k--;
        }
        if (k < 0 || !tokens.get(k).is("=")) {
            return null;
        }
        int end = k;
        int start = k - 1;
        while (start >= 0) {
            Token t = tokens.get(start);
            if (t.is(";") || t.is("{") || t.is("}") || t.is(",") || t.is(")") && !bracketedMember(start)) {
                break;
            }
            start--;
        }
        List<Token> lhs = tokens.subList(start + 1, end);
        if (lhs.isEmpty()) {
            return null;
        }
        for (Token t : lhs) {
            if (t.is("->") || t.is(".") || t.is("[")) {
                int from = 0;
                while (from < lhs.size() && (TYPE_OR_QUALIFIER.contains(lhs.get(from).text()) || lhs.get(from).is("*"))) {
                    from++;
                }
                return normalize(new TokenSpan(lhs.subList(from, lhs.size())).text());
            }
        }
        for (int j = lhs.size() - 1; j >= 0; j--) {
            if (lhs.get(j).isIdentifier()) {
                return lhs.get(j).text();
            }
        }
        return null;
    }

    private boolean bracketedMember(int close) {
        return close + 1 < tokens.size() && (tokens.get(close + 1).is("->") || tokens.get(close + 1).is("."));
    }

    /** Pointer expressions compared across statements: no spaces, no outer parentheses. */
    static String normalize(String expression) {
        String s = expression.replace(" ", "");
        while (s.startsWith("(") && s.endsWith(")") && balanced(s.substring(1, s.length() - 1))) {
            s = s.substring(1, s.length() - 1);
        }
        return s;
    }

    private static boolean balanced(String s) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }

    /** The function named in a hunk heading such as {@code static int foo_probe(struct device *d)}. */
    static String functionName(String heading) {
        int paren = heading.indexOf('(');
        if (paren <= 0) {
            return "";
        }
        int end = paren;
        while (end > 0 && heading.charAt(end - 1) == ' ') {
            end--;
        }
        int start = end;
        while (start > 0 && (Character.isLetterOrDigit(heading.charAt(start - 1)) || heading.charAt(start - 1) == '_')) {
            start--;
        }
        return heading.substring(start, end);
    }
}
