package org.lorebot.analyzers.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lorebot.analyzers.clang.AssignmentTarget;
import org.lorebot.analyzers.clang.Call;
import org.lorebot.analyzers.clang.Token;
import org.lorebot.analyzers.clang.TokenSpan;
import org.lorebot.analyzers.dma.CodeContext;
import org.lorebot.analyzers.dma.ZoneEffect;
import org.lorebot.analyzers.finding.Severity;
import org.lorebot.analyzers.gfp.GfpFlag;
import org.lorebot.analyzers.patch.DiffLine;

/**
 * What is handed to the streaming DMA API, within one hunk and function:
 * DMA009 (a GFP_DMA kmalloc buffer that is then mapped: use dma_alloc_noncoherent()) and
 * DMA015 (mapping a stack array, a static object or vmalloc memory). Only buffers whose
 * origin the hunk shows are judged.
 */
final class MappingCheck implements Check {
    /** Mapping calls and the index of the buffer argument. */
    private static final Map<String, Integer> BUFFER_ARGUMENT = Map.ofEntries(
            Map.entry("dma_map_single", 1), Map.entry("dma_map_single_attrs", 1),
            Map.entry("dma_map_page", 1), Map.entry("dma_map_page_attrs", 1),
            Map.entry("sg_init_one", 1), Map.entry("sg_set_buf", 1),
            Map.entry("usb_fill_bulk_urb", 3), Map.entry("usb_fill_int_urb", 3),
            Map.entry("usb_fill_control_urb", 4), Map.entry("usb_bulk_msg", 2),
            Map.entry("usb_interrupt_msg", 2), Map.entry("usb_control_msg", 6),
            Map.entry("spi_write", 1), Map.entry("spi_read", 1));
    /** Index of the length argument of those calls: a zero-length transfer maps nothing. */
    private static final Map<String, Integer> LENGTH_ARGUMENT = Map.ofEntries(
            Map.entry("dma_map_single", 2), Map.entry("dma_map_single_attrs", 2),
            Map.entry("sg_init_one", 2), Map.entry("sg_set_buf", 2),
            Map.entry("usb_fill_bulk_urb", 4), Map.entry("usb_fill_int_urb", 4),
            Map.entry("usb_fill_control_urb", 5), Map.entry("usb_bulk_msg", 3),
            Map.entry("usb_interrupt_msg", 3), Map.entry("usb_control_msg", 7),
            Map.entry("spi_write", 2), Map.entry("spi_read", 2));
    private static final Set<String> DMA009_MAPPERS = Set.of(
            "dma_map_single", "dma_map_single_attrs", "dma_map_page", "dma_map_page_attrs", "sg_init_one");
    private static final Set<String> VMALLOC = Set.of(
            "vmalloc", "vzalloc", "vmalloc_32", "vmalloc_user", "vmap", "kvmalloc", "kvzalloc",
            "kvcalloc", "kvmalloc_array", "kvmalloc_node", "kvzalloc_node", "__vmalloc", "__vmalloc_node");

    @Override
    public void check(PatchScan patch, FileScan file, Report report) {
        for (AllocationSite site : file.allocations()) {
            Call mapping = mappingOf(site);
            if (mapping != null && (site.changed() || site.hunk().touches(mapping))
                    && !file.in(CodeContext.ALLOCATOR) && !site.zoneDeliberate()) {
                List<DiffLine> lines = new ArrayList<>(site.linesConcerned());
                for (DiffLine l : site.hunk().lines(mapping)) {
                    if (!lines.contains(l)) {
                        lines.add(l);
                    }
                }
                Severity severity = file.in(CodeContext.S390) || file.in(CodeContext.ISA) || file.in(CodeContext.ARCH)
                        || site.mappingFallback() ? Severity.INFO : Severity.WARNING;
                boolean carried = severity == Severity.WARNING && Report.carriedOver(site, "DMA009");
                if (carried) {
                    severity = Severity.INFO;
                }
                report.add("DMA009", severity, file.path, lines,
                        site.assignedTo() + " is allocated with " + Flags.spelled(site, GfpFlag.__GFP_DMA)
                                + " and then mapped with " + mapping.name() + "(): use dma_alloc_noncoherent()",
                        site.mappingFallback() ? "This retries in ZONE_DMA after a mapping failed, a deliberate fallback "
                                + "for devices with small masks; the DMA API would do the same without the retry."
                                : carried ? Report.PREDATES
                                : severity == Severity.INFO
                                ? "The code lives where ZONE_DMA is a real hardware limit, so this is only a note." : "");
            }
        }
        for (HunkScan hunk : file.hunks) {
            unsafeBuffers(file, hunk, report);
        }
    }

    /**
     * The call that maps the buffer a GFP_DMA allocation was assigned to, in the same
     * function of the same hunk, or null. The buffer is followed through plain copies
     * ({@code req->buf = p;}) and, when it lives in a structure member, reached by any path
     * that ends in the same member ({@code chan->iv} mapped as {@code ce->chan[i].iv}).
     */
    static Call mappingOf(AllocationSite site) {
        ZoneEffect effect = site.allocator().dma();
        boolean kind = effect == ZoneEffect.DMA_KMALLOC
                || site.allocator().family().equals("page-virt") && effect == ZoneEffect.ARCH_ZONE;
        if (!kind || site.assignedTo() == null || !site.gfp().mayHave(GfpFlag.__GFP_DMA)) {
            return null;
        }
        HunkScan hunk = site.hunk();
        Set<String> names = new HashSet<>();
        Set<String> members = new HashSet<>();
        track(site.assignedTo(), names, members);
        int from = site.call().nameIndex();
        List<Token> tokens = hunk.tokens;
        int scanned = from;
        for (Call c : hunk.callsAfter(site.call())) {
            if (!hunk.sameFunction(c.nameIndex(), from)) {
                break; // calls are in order: the function has ended
            }
            for (; scanned < c.nameIndex(); scanned++) {
                copies(tokens, scanned, names, members);
            }
            if (!DMA009_MAPPERS.contains(c.name())) {
                continue;
            }
            String buffer = buffer(c);
            if (buffer != null && (names.contains(buffer) || members.contains(member(buffer)))) {
                return c;
            }
        }
        return null;
    }

    /** Adds a name the buffer is known by, and its member name when it is a structure member. */
    private static void track(String expression, Set<String> names, Set<String> members) {
        names.add(expression);
        String m = member(expression);
        if (m != null) {
            members.add(m);
        }
    }

    /** {@code x} for {@code a->b.x}, null for a plain name or anything indexed or called at the end. */
    private static String member(String expression) {
        int arrow = expression.lastIndexOf("->");
        int dot = expression.lastIndexOf('.');
        int at = Math.max(arrow < 0 ? -1 : arrow + 2, dot < 0 ? -1 : dot + 1);
        if (at <= 0) {
            return null;
        }
        String name = expression.substring(at);
        return name.matches("[A-Za-z_][A-Za-z0-9_]*") ? name : null;
    }

    /** At an {@code lhs = known;} statement starting its right side at {@code i}, adds lhs as an alias. */
    private static void copies(List<Token> tokens, int i, Set<String> names, Set<String> members) {
        if (i == 0 || !tokens.get(i - 1).is("=")) {
            return;
        }
        int end = i;
        while (end < tokens.size() && end < i + 24 && !tokens.get(end).is(";")) {
            end++;
        }
        if (end >= tokens.size() || !tokens.get(end).is(";")) {
            return;
        }
        String rhs = HunkScan.normalize(new TokenSpan(tokens.subList(i, end)).text());
        if (names.contains(rhs)) {
            String lhs = AssignmentTarget.of(tokens, i);
            if (lhs != null) {
                track(lhs, names, members);
            }
        }
    }

    /** The buffer argument of a mapping or transfer call, as written, or null. */
    static TokenSpan bufferArgument(Call c) {
        Integer index = BUFFER_ARGUMENT.get(c.name());
        return index == null ? null : c.argument(index);
    }

    /** The buffer a mapping call maps, casts and virt_to_page() removed, or null. */
    private static String buffer(Call c) {
        Integer index = BUFFER_ARGUMENT.get(c.name());
        TokenSpan arg = index == null ? null : c.argument(index);
        if (arg == null || arg.isEmpty()) {
            return null;
        }
        List<Token> t = arg.tokens();
        int from = 0;
        int to = t.size();
        if (t.get(0).isIdentifier() && t.get(0).is("virt_to_page") && t.size() > 3 && t.get(1).is("(") && t.get(to - 1).is(")")) {
            from = 2;
            to--;
        }
        if (t.get(from).is("(")) {
            int k = from + 1;
            while (k < to && (t.get(k).isIdentifier() || t.get(k).is("*"))) {
                k++;
            }
            if (k < to - 1 && t.get(k).is(")") && t.get(k - 1).is("*")) {
                from = k + 1;
            }
        }
        return HunkScan.normalize(new TokenSpan(t.subList(from, to)).text());
    }

    /** Where a name in this hunk's function comes from, when the hunk shows it. */
    private enum Origin { STACK_ARRAY, STACK_OBJECT, STATIC, VMALLOC }

    /** A name's origin, the line declaring it, and an array's literal length (-1 when not known). */
    private record Declared(Origin origin, int line, int length) { }

    /** SPI controllers use DMA only above their FIFO size; a few bytes go by PIO in practice. */
    private static final int SMALL_SPI_TRANSFER = 32;

    private static void unsafeBuffers(FileScan file, HunkScan hunk, Report report) {
        if (file.in(CodeContext.ALLOCATOR) || file.in(CodeContext.ARCH)
                || hunk.calls.stream().noneMatch(c -> BUFFER_ARGUMENT.containsKey(c.name()))) {
            return;
        }
        Map<String, Declared> origins = new HashMap<>();
        List<Token> tokens = hunk.tokens;
        int callIndex = 0;
        List<Call> calls = hunk.calls;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (!t.directive() && t.column() == 0 && (t.is("{") || t.is("}"))) {
                // A new function: keep only file-scope objects.
                origins.values().removeIf(d -> d.origin() != Origin.STATIC);
            }
            declaration(hunk, i, origins);
            while (callIndex < calls.size() && calls.get(callIndex).nameIndex() <= i) {
                Call c = calls.get(callIndex++);
                if (c.nameIndex() != i) {
                    continue;
                }
                if (VMALLOC.contains(c.name())) {
                    String target = hunk.assignedTo(c);
                    if (target != null) {
                        origins.put(target, new Declared(Origin.VMALLOC, tokens.get(i).line(), -1));
                    }
                } else if (BUFFER_ARGUMENT.containsKey(c.name())) {
                    judgeBuffer(file, hunk, c, origins, report);
                }
            }
        }
    }

    private static void judgeBuffer(FileScan file, HunkScan hunk, Call c, Map<String, Declared> origins, Report report) {
        TokenSpan arg = c.argument(BUFFER_ARGUMENT.get(c.name()));
        if (arg == null || arg.isEmpty()) {
            return;
        }
        Integer lengthIndex = LENGTH_ARGUMENT.get(c.name());
        TokenSpan length = lengthIndex == null ? null : c.argument(lengthIndex);
        if (length != null && length.text().equals("0")) {
            return; // nothing is transferred, nothing is mapped
        }
        String text = buffer(c);
        if (text == null) {
            return;
        }
        boolean addressOf = text.startsWith("&");
        String name = addressOf ? text.substring(1) : text;
        Declared d = origins.get(name);
        if (d == null) {
            return;
        }
        boolean unsafe = switch (d.origin()) {
            case STACK_ARRAY, STATIC, VMALLOC -> !addressOf || d.origin() == Origin.STATIC;
            case STACK_OBJECT -> addressOf;
        };
        if (!unsafe || d.origin() == Origin.VMALLOC && c.name().startsWith("usb_")) {
            return;
        }
        boolean added = hunk.touches(c) || hunk.text.isAdded(d.line());
        if (!added) {
            return;
        }
        List<DiffLine> lines = new ArrayList<>();
        lines.add(hunk.text.diffLine(d.line()));
        for (DiffLine l : hunk.lines(c)) {
            if (!lines.contains(l)) {
                lines.add(l);
            }
        }
        String what = switch (d.origin()) {
            case STACK_ARRAY, STACK_OBJECT -> "is on the stack";
            case STATIC -> "is static storage (in the kernel or module image)";
            case VMALLOC -> "is vmalloc memory";
        };
        if (file.in(CodeContext.S390)) {
            return;
        }
        boolean spi = c.name().startsWith("spi_");
        boolean small = spi && d.origin() != Origin.VMALLOC && d.origin() != Origin.STATIC
                && (d.origin() == Origin.STACK_OBJECT || d.length() >= 0 && d.length() <= SMALL_SPI_TRANSFER);
        Severity severity = !spi ? Severity.ERROR : small ? Severity.INFO : Severity.WARNING;
        report.add("DMA015", severity, file.path, lines,
                c.name() + "() is given " + name + ", which " + what + " and cannot be used for DMA",
                spi ? "Whether this breaks depends on the SPI controller using DMA for this transfer"
                        + (small ? " (a transfer this small normally goes without DMA)" : "")
                        + ", which is why it can go unnoticed; spi_write_then_read() copies small buffers "
                        + "into a DMA-safe one." : "");
    }

    /**
     * Records a declaration starting at token {@code i}: {@code u8 buf[16];} in a function
     * (stack), {@code static u8 buf[16];} or a file-scope object (static).
     */
    private static void declaration(HunkScan hunk, int i, Map<String, Declared> origins) {
        List<Token> tokens = hunk.tokens;
        Token t = tokens.get(i);
        if (!t.isIdentifier() || t.directive() || i + 1 >= tokens.size()) {
            return;
        }
        Token prev = i > 0 ? tokens.get(i - 1) : null;
        boolean statementStart = prev == null || prev.is(";") || prev.is("{") || prev.is("}");
        if (!statementStart) {
            return;
        }
        boolean isStatic = false;
        int k = i;
        while (k < tokens.size() && tokens.get(k).isIdentifier() && (tokens.get(k).is("static") || tokens.get(k).is("const")
                || tokens.get(k).is("struct") || tokens.get(k).is("union") || tokens.get(k).is("unsigned")
                || tokens.get(k).is("volatile"))) {
            isStatic |= tokens.get(k).is("static");
            k++;
        }
        // type name, then the declared name
        if (k + 1 >= tokens.size() || !tokens.get(k).isIdentifier() || !tokens.get(k + 1).isIdentifier()) {
            return;
        }
        if (isKeyword(tokens.get(k).text())) {
            return;
        }
        int nameAt = k + 1;
        Token after = nameAt + 1 < tokens.size() ? tokens.get(nameAt + 1) : null;
        if (after == null) {
            return;
        }
        boolean array = after.is("[");
        if (!array && !after.is(";") && !after.is("=")) {
            return;
        }
        boolean fileScope = t.column() == 0;
        String name = tokens.get(nameAt).text();
        Origin origin = isStatic || fileScope ? Origin.STATIC : array ? Origin.STACK_ARRAY : Origin.STACK_OBJECT;
        if (origin == Origin.STATIC && !array && !isStatic) {
            return; // a file-scope scalar or struct without static: too little to go on
        }
        int length = -1;
        if (array && nameAt + 3 < tokens.size() && tokens.get(nameAt + 2).kind() == Token.Kind.NUMBER
                && tokens.get(nameAt + 3).is("]")) {
            try {
                length = Integer.decode(tokens.get(nameAt + 2).text());
            } catch (NumberFormatException e) {
                length = -1;
            }
        }
        origins.put(name, new Declared(origin, t.line(), length));
    }

    private static boolean isKeyword(String s) {
        return switch (s) {
            case "return", "goto", "case", "else", "if", "while", "for", "do", "switch", "sizeof", "typedef" -> true;
            default -> false;
        };
    }
}
