package org.lorebot.analyzers.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lorebot.analyzers.clang.AssignmentTarget;
import org.lorebot.analyzers.clang.Call;
import org.lorebot.analyzers.clang.CallExtractor;
import org.lorebot.analyzers.clang.Lexer;
import org.lorebot.analyzers.clang.MacroDefinition;
import org.lorebot.analyzers.clang.SourceText;
import org.lorebot.analyzers.clang.Token;
import org.lorebot.analyzers.clang.TokenSpan;
import org.lorebot.analyzers.dma.Allocator;
import org.lorebot.analyzers.dma.AllocatorModel;
import org.lorebot.analyzers.gfp.GfpEvaluator;
import org.lorebot.analyzers.gfp.GfpExpression;
import org.lorebot.analyzers.gfp.GfpFlag;
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

    private AllocatorModel model;
    final Hunk hunk;
    final SourceText text;
    final List<Token> tokens;
    final CallExtractor extractor;
    List<Call> calls;
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

    /** Reads the calls again knowing more allocators (the patch's own wrappers); before {@link #evaluate}. */
    void recognise(AllocatorModel wider) {
        this.model = wider;
        this.calls = extractor.calls(name -> wider.isAllocator(name) || OTHER_CALLS.contains(name));
    }

    /**
     * True when the token lies in the block of an {@code if} whose condition tests a DMA
     * mapping error ({@code if (dma_mapping_error(...)) { ... }}), at most two blocks out:
     * allocating from a low zone there is a deliberate retry for a device with a small mask.
     */
    boolean inMappingFailureBranch(int tokenIndex) {
        int depth = 0;
        int levels = 0;
        for (int k = tokenIndex - 1; k >= 0 && k > tokenIndex - 600; k--) {
            Token t = tokens.get(k);
            if (!t.directive() && t.column() == 0 && (t.is("{") || t.is("}"))) {
                return false; // the function starts here
            }
            if (t.is("}")) {
                depth++;
            } else if (t.is("{")) {
                if (depth > 0) {
                    depth--;
                    continue;
                }
                if (conditionTestsMappingError(k - 1)) {
                    return true;
                }
                if (++levels == 2) {
                    return false;
                }
            }
        }
        return false;
    }

    private boolean conditionTestsMappingError(int close) {
        if (close < 0 || !tokens.get(close).is(")")) {
            return false;
        }
        int parens = 0;
        for (int k = close; k >= 0 && k > close - 200; k--) {
            Token t = tokens.get(k);
            if (t.is(")")) {
                parens++;
            } else if (t.is("(")) {
                if (--parens == 0) {
                    if (k == 0 || !tokens.get(k - 1).is("if")) {
                        return false;
                    }
                    for (int j = k; j < close; j++) {
                        if (tokens.get(j).isIdentifier() && tokens.get(j).text().contains("mapping_error")) {
                            return true;
                        }
                    }
                    return false;
                }
            }
        }
        return false;
    }

    /** An allocation on a hunk's old side and the flags its mask names (see {@link #flagWord}). */
    record OldAllocation(Allocator allocator, Set<String> flags) { }

    private List<OldAllocation> oldAllocations;
    /** For each function called in this hunk, the functions (as far as shown) it is called from. */
    final Map<String, Set<String>> callers = new java.util.HashMap<>();

    /**
     * The allocations on this hunk's old side, with the flags their masks name. Lexed once, on
     * first use, and only for hunks that remove something.
     */
    List<OldAllocation> oldAllocations() {
        if (oldAllocations == null) {
            oldAllocations = new ArrayList<>();
            if (hunk.lines().stream().anyMatch(l -> l.kind() == DiffLine.Kind.REMOVED)) {
                List<Token> old = Lexer.lex(SourceText.oldSide(hunk));
                for (Call c : new CallExtractor(old).calls(model::isAllocator)) {
                    Allocator a = model.find(c.name()).orElseThrow();
                    TokenSpan gfp = c.argument(a.gfpArgument());
                    if (gfp != null) {
                        Set<String> flags = new java.util.HashSet<>();
                        for (Token t : gfp.tokens()) {
                            if (t.isIdentifier()) {
                                flags.add(flagWord(t.text()));
                            }
                        }
                        oldAllocations.add(new OldAllocation(a, flags));
                    }
                }
            }
        }
        return oldAllocations;
    }

    /** A flag's name without the leading {@code __} of its bit form. */
    static String flagWord(String name) {
        return name.startsWith("__") ? name.substring(2) : name;
    }

    /** The calls that start after {@code call}, in order (found by binary search). */
    List<Call> callsAfter(Call call) {
        int lo = 0;
        int hi = calls.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (calls.get(mid).nameIndex() <= call.nameIndex()) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return calls.subList(lo, calls.size());
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
        for (MacroDefinition m : MacroDefinition.in(tokens)) {
            out.add(new Define(m.name(), m.body(), text.diffLine(m.line()), m.zoneGuarded()));
        }
        return out;
    }

    /** Resolves each allocation's gfp argument; call once, after the patch's macros are known. */
    void evaluate(PatchMacros macros) {
        GfpScope scope = new GfpScope();
        String function = functionName(hunk.heading());
        String headerCandidate = null;
        int headerLine = -1;
        boolean locked = false;
        int next = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (!t.directive() && t.column() == 0 && (t.is("{") || t.is("}"))) {
                // Kernel style: braces in column 0 open and close function bodies.
                scope.reset();
                locked = false;
                function = t.is("{") && headerCandidate != null ? headerCandidate : "";
            } else if (t.is("{")) {
                GfpScope.Block kind = blockKind(i);
                scope.enterBlock(kind, kind == GfpScope.Block.ELSE ? i - 1
                        : kind == GfpScope.Block.ELSE_IF ? conditionStart(i - 1) - 2 : -1);
            } else if (t.is("}")) {
                scope.leaveBlock(i + 1 < tokens.size() && tokens.get(i + 1).is("else") ? i + 1 : -1);
            } else if (t.isIdentifier() && i + 1 < tokens.size() && tokens.get(i + 1).is("(")) {
                if (!t.directive() && t.line() != headerLine && startsInColumnZero(t.line())) {
                    headerCandidate = t.text();
                    headerLine = t.line();
                }
                if (isLock(t.text())) {
                    locked = true;
                }
                if (!function.isEmpty() && t.line() != headerLine) {
                    callers.computeIfAbsent(t.text(), k -> new java.util.HashSet<>()).add(function);
                }
            } else if (t.isIdentifier() && i + 1 < tokens.size() && isAssignment(tokens.get(i + 1))
                    && assignmentStart(i)) {
                assign(i, scope, macros);
            }
            while (next < calls.size() && calls.get(next).nameIndex() <= i) {
                Call call = calls.get(next++);
                Allocator a = call.nameIndex() == i ? model.find(call.name()).orElse(null) : null;
                if (a != null) {
                    site(a, call, scope, macros, function, locked);
                }
            }
        }
    }

    /** True when the line starts with a letter in column 0, as a function definition's header does. */
    boolean startsInColumnZero(int line) {
        String s = text.text(line);
        return !s.isEmpty() && Character.isLetter(s.charAt(0));
    }

    private static boolean isLock(String name) {
        char c = name.charAt(0);
        if (c != 's' && c != 'r' && c != 'w' && c != 'l' && c != 'p' || name.endsWith("_init")) {
            return false; // spin_lock_init() and friends set a lock up without taking it
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

    private void assign(int i, GfpScope scope, PatchMacros macros) {
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
        Token prev = i > 0 ? tokens.get(i - 1) : null;
        boolean afterIf = prev != null && prev.is(")") && closesCondition(i - 1, "if");
        boolean afterElse = prev != null && prev.is("else");
        boolean elseFollows = end + 1 < tokens.size() && tokens.get(end).is(";") && tokens.get(end + 1).is("else");
        Map<String, GfpScope.Variable> beforeIf = afterIf && elseFollows ? scope.snapshot() : null;
        boolean chainElse = afterElse && scope.inChain(i - 1);
        GfpScope.Variable old = chainElse ? scope.chainBase(name) : scope.get(name);
        if (!mentionsGfp(rhs, scope, macros)) {
            if (op.equals("=")) {
                scope.forget(name);
            }
            endStatement(scope, beforeIf, chainElse, end + 1);
            return;
        }
        List<DiffLine> lines = new ArrayList<>();
        List<String> via = new ArrayList<>();
        GfpValue value = evaluate(GfpParser.parse(rhs), scope, macros, lines, via);
        GfpValue before = old != null ? old.value() : GfpValue.UNKNOWN;
        if (op.equals("|=")) {
            value = before.or(value);
        } else if (op.equals("&=")) {
            value = before.and(value);
        }
        boolean conditional = beforeIf == null && !chainElse
                && (prev != null && prev.is(")") && closesCondition(i - 1, null) || afterElse);
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
        scope.put(name, new GfpScope.Variable(value, lines, via));
        endStatement(scope, beforeIf, chainElse, end + 1);
    }

    /** After an unbraced if-branch or else-branch statement, records or closes the if/else chain. */
    private static void endStatement(GfpScope scope, Map<String, GfpScope.Variable> beforeIf, boolean chainElse,
                                     int elseAt) {
        if (beforeIf != null) {
            scope.ifStatementEnded(beforeIf, elseAt);
        } else if (chainElse) {
            scope.elseStatementEnded();
        }
    }

    /** How the block opened by the '{' at {@code open} is entered: plain, after else, or after else-if. */
    private GfpScope.Block blockKind(int open) {
        if (open == 0) {
            return GfpScope.Block.PLAIN;
        }
        Token prev = tokens.get(open - 1);
        if (prev.is("else")) {
            return GfpScope.Block.ELSE;
        }
        if (prev.is(")")) {
            int start = conditionStart(open - 1);
            if (start >= 2 && tokens.get(start - 1).is("if") && tokens.get(start - 2).is("else")) {
                return GfpScope.Block.ELSE_IF;
            }
        }
        return GfpScope.Block.PLAIN;
    }

    /** Index of the '(' matching the ')' at {@code close}, or -1 (looks back at most 200 tokens). */
    private int conditionStart(int close) {
        int depth = 0;
        for (int k = close; k >= 0 && k > close - 200; k--) {
            Token t = tokens.get(k);
            if (t.is(")")) {
                depth++;
            } else if (t.is("(") && --depth == 0) {
                return k;
            }
        }
        return -1;
    }

    /** True when the ')' at {@code close} ends the condition of {@code keyword} (if/while/for when null). */
    private boolean closesCondition(int close, String keyword) {
        int start = conditionStart(close);
        if (start <= 0) {
            return false;
        }
        Token k = tokens.get(start - 1);
        return keyword != null ? k.is(keyword) : k.is("if") || k.is("while") || k.is("for");
    }

    private static boolean mentionsGfp(List<Token> rhs, GfpScope scope, PatchMacros macros) {
        GfpMacros kernel = GfpMacros.standard();
        for (Token t : rhs) {
            if (t.isIdentifier() && (kernel.isKnown(t.text()) || scope.has(t.text()) || macros.isGfp(t.text()))) {
                return true;
            }
        }
        return false;
    }

    /** Evaluates a mask, collecting the lines and names of the variables and macros it uses. */
    private static GfpValue evaluate(GfpExpression e, GfpScope scope, PatchMacros macros,
                                     List<DiffLine> lines, List<String> via) {
        return GfpEvaluator.evaluate(e, name -> {
            GfpScope.Variable v = scope.get(name);
            if (v != null) {
                v.lines().forEach(l -> PatchMacros.addOnce(lines, l));
                v.via().forEach(n -> PatchMacros.addOnce(via, n));
                return v.value();
            }
            PatchMacros.Expansion x = macros.expand(name);
            if (x == null) {
                return null;
            }
            x.lines().forEach(l -> PatchMacros.addOnce(lines, l));
            x.via().forEach(n -> PatchMacros.addOnce(via, n));
            return x.value();
        });
    }

    private void site(Allocator a, Call call, GfpScope scope, PatchMacros macros, String function, boolean locked) {
        TokenSpan gfpArg = call.argument(a.gfpArgument());
        if (gfpArg == null || gfpArg.isEmpty()) {
            return;
        }
        List<DiffLine> feeding = new ArrayList<>();
        List<String> via = new ArrayList<>();
        GfpValue value = evaluate(GfpParser.parse(gfpArg), scope, macros, feeding, via);
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
            PatchMacros.Expansion x = macros.defines(n) ? macros.expand(n) : null;
            deliberate |= x != null && x.zoneGuarded();
        }
        allocations.add(new AllocationSite(a, call, this, gfpArg, value, callLines, feeding, via,
                changed, deliberate, assignedTo(call), function, locked,
                value.mayHave(GfpFlag.__GFP_DMA) || value.mayHave(GfpFlag.__GFP_DMA32)
                        ? inMappingFailureBranch(call.nameIndex()) : false));
    }

    /** The expression a call's result is assigned to ({@code host->buf}, {@code p}), or null. */
    String assignedTo(Call call) {
        return AssignmentTarget.of(tokens, call.nameIndex());
    }

    /** Pointer expressions compared across statements: no spaces, no outer parentheses. */
    static String normalize(String expression) {
        return AssignmentTarget.normalize(expression);
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
