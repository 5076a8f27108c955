package org.lorebot.analyzers.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.lorebot.analyzers.clang.Call;
import org.lorebot.analyzers.clang.Token;
import org.lorebot.analyzers.clang.TokenSpan;
import org.lorebot.analyzers.dma.CodeContext;
import org.lorebot.analyzers.finding.Severity;

/**
 * DMA017 (a structure member meant for DMA aligned with something weaker than
 * ARCH_DMA_MINALIGN) and DMA018 (ARCH_KMALLOC_MINALIGN used as a DMA alignment).
 * Only members that can be buffers are judged: arrays and structure objects, never scalars or
 * pointers. A member aligned to ARCH_KMALLOC_MINALIGN is plainly meant for DMA; one aligned to
 * the cache line or a type's size is judged only when the patch shows it used as a DMA buffer,
 * since such alignment is also used against false sharing.
 */
final class AlignmentCheck implements Check {
    private static final Set<String> WEAK = Set.of("L1_CACHE_BYTES", "SMP_CACHE_BYTES", "ARCH_KMALLOC_MINALIGN",
            "CRYPTO_MINALIGN", "__alignof__", "sizeof");
    private static final Set<String> DMA_USES = Set.of(
            "dma_map_single", "dma_map_single_attrs", "sg_init_one", "sg_set_buf", "spi_write",
            "spi_read", "usb_bulk_msg", "usb_control_msg", "usb_fill_bulk_urb", "usb_fill_int_urb");

    /** spi_transfer and urb members that hold a buffer the controller may DMA. */
    private static final Set<String> TRANSFER_BUFFER_FIELDS = Set.of("tx_buf", "rx_buf", "transfer_buffer");

    @Override
    public void check(PatchScan patch, FileScan file, Report report) {
        if (file.in(CodeContext.ALLOCATOR) || file.in(CodeContext.ARCH)) {
            return;
        }
        Set<String> dmaBuffers = patch.dmaBufferMembers(AlignmentCheck::dmaBufferMembers);
        for (HunkScan hunk : file.hunks) {
            List<Token> tokens = hunk.tokens;
            Set<Integer> reported = new HashSet<>();
            for (int i = 0; i < tokens.size(); i++) {
                Token t = tokens.get(i);
                if (!t.isIdentifier()) {
                    continue;
                }
                char first = t.text().charAt(0);
                if (first != '_' && first != 'a' && first != 'A') {
                    continue;
                }
                if (t.is("____cacheline_aligned") || t.is("__aligned") || t.is("aligned")) {
                    member(file, hunk, i, dmaBuffers, report, reported);
                } else if (t.is("ARCH_KMALLOC_MINALIGN") && hunk.text.isAdded(t.line())
                        && !reported.contains(t.line()) && !definesItself(tokens, i)
                        && usedAsDmaAlignment(file, hunk, i)) {
                    report.add("DMA018", Severity.INFO, file.path, List.of(hunk.text.diffLine(t.line())),
                            "ARCH_KMALLOC_MINALIGN is not a DMA alignment (8 on arm64 since v6.5)", "");
                }
            }
        }
    }

    /**
     * ARCH_KMALLOC_MINALIGN is also legitimately kmalloc's own minimum alignment (pointer tag
     * bits, size rounding). It is taken as a DMA alignment when it aligns a structure member,
     * defines a *DMA* macro, rounds a buffer in code that does DMA, SPI or USB transfers, or
     * appears anywhere in the SPI, USB or IIO subsystems.
     */
    private static boolean usedAsDmaAlignment(FileScan file, HunkScan hunk, int i) {
        if (file.path.startsWith("drivers/spi/") || file.path.startsWith("drivers/usb/")
                || file.path.startsWith("drivers/iio/")) {
            return true; // transfer-buffer subsystems: every such use was about DMA (v6.5 conversions)
        }
        List<Token> tokens = hunk.tokens;
        // __aligned(ARCH_KMALLOC_MINALIGN) / aligned(ARCH_KMALLOC_MINALIGN)
        if (i >= 2 && tokens.get(i - 1).is("(") && (tokens.get(i - 2).is("__aligned") || tokens.get(i - 2).is("aligned"))) {
            return true;
        }
        // #define SOMETHING_DMA_MINALIGN ARCH_KMALLOC_MINALIGN
        if (i >= 3 && tokens.get(i - 2).is("define") && tokens.get(i - 1).text().contains("DMA")) {
            return true;
        }
        // ALIGN(len, ARCH_KMALLOC_MINALIGN), round_up(...), PTR_ALIGN(...) in transfer code
        for (int k = i - 1; k >= 0 && k >= i - 12; k--) {
            Token t = tokens.get(k);
            if (t.is(";") || t.is("{") || t.is("}")) {
                break;
            }
            if (t.is("ALIGN") || t.is("round_up") || t.is("PTR_ALIGN") || t.is("roundup")) {
                return doesTransfers(file);
            }
        }
        return false;
    }

    /** True when the file's visible code maps DMA memory or runs SPI or USB transfers. */
    private static boolean doesTransfers(FileScan file) {
        for (HunkScan h : file.hunks) {
            for (Call c : h.calls) {
                String n = c.name();
                if (n.startsWith("dma_map") || n.startsWith("sg_") || n.startsWith("spi_") || n.startsWith("usb_")
                        || n.startsWith("dma_alloc")) {
                    return true;
                }
            }
            for (Token t : h.tokens) {
                if (t.isIdentifier() && (t.is("tx_buf") || t.is("rx_buf") || t.is("spi_sync") || t.is("spi_message_add_tail"))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean definesItself(List<Token> tokens, int i) {
        return i >= 2 && tokens.get(i - 1).is("define") && tokens.get(i - 2).is("#");
    }

    /** Judges the structure member whose alignment attribute starts at token {@code i}. */
    private static void member(FileScan file, HunkScan hunk, int i, Set<String> dmaBuffers, Report report,
                               Set<Integer> reported) {
        List<Token> tokens = hunk.tokens;
        Token attr = tokens.get(i);
        if (!hunk.text.isAdded(attr.line()) || attr.directive()) {
            return;
        }
        String alignment;
        int end;
        if (attr.is("____cacheline_aligned")) {
            alignment = "____cacheline_aligned";
            end = i + 1;
        } else {
            if (i + 2 >= tokens.size() || !tokens.get(i + 1).is("(")) {
                return;
            }
            int close = hunk.extractor.closing(i + 1);
            if (close < 0) {
                return;
            }
            TokenSpan value = new TokenSpan(tokens.subList(i + 2, close));
            alignment = value.text();
            end = close + 1;
            boolean weak = weakAlignment(value);
            if (!weak) {
                return;
            }
            if (attr.is("aligned")) {
                // __attribute__((aligned(X))): step over the outer parentheses
                while (end < tokens.size() && tokens.get(end).is(")")) {
                    end++;
                }
            }
        }
        // The member declaration: from the previous ';' or '{' to the next ';'.
        int start = i - 1;
        while (start >= 0 && !tokens.get(start).is(";") && !tokens.get(start).is("{") && !tokens.get(start).is("}")) {
            start--;
        }
        if (start < 0 || tokens.get(start).is("}")) {
            return; // not visibly inside a structure
        }
        int stop = i;
        while (stop < tokens.size() && !tokens.get(stop).is(";")) {
            stop++;
        }
        if (stop >= tokens.size() || !insideStruct(tokens, start)) {
            return;
        }
        String name = memberName(tokens, start + 1, stop);
        if (name == null) {
            return;
        }
        boolean kmallocMinalign = alignment.equals("ARCH_KMALLOC_MINALIGN");
        if (!kmallocMinalign && !canBeBuffer(tokens, start + 1, stop) && !dmaBuffers.contains("&" + name)) {
            return; // a scalar or a pointer aligned to a cache line owns the line; it is not a buffer
        }
        boolean flexible = stop >= 2 && tokens.get(stop - 1).is("]") && tokens.get(stop - 2).is("[");
        if (kmallocMinalign && flexible) {
            return; // a flexible payload aligned like kmalloc: DMA018 says it
        }
        if (!kmallocMinalign && !dmaBuffers.contains(name)) {
            return;
        }
        reported.add(attr.line());
        report.add("DMA017", Severity.WARNING, file.path, List.of(hunk.text.diffLine(attr.line())),
                "member " + name + " is aligned with " + alignment + ", which does not keep a DMA buffer off shared cache lines",
                dmaBuffers.contains(name) ? "The patch uses " + name + " as a DMA buffer." : "");
    }

    /**
     * An alignment that may be below ARCH_DMA_MINALIGN: a number, the cache line, kmalloc's
     * minimum, or one computed from a type ({@code sizeof(u32)}, {@code __alignof__(u64)}),
     * alone or in arithmetic. A macro the patch does not show is given the benefit of the doubt.
     */
    private static boolean weakAlignment(TokenSpan value) {
        boolean sawWeak = false;
        int depth = 0;
        for (Token t : value.tokens()) {
            if (t.is("(")) {
                depth++;
            } else if (t.is(")")) {
                depth--;
            } else if (t.kind() == Token.Kind.NUMBER || WEAK.contains(t.text())) {
                sawWeak = true;
            } else if (t.isIdentifier() && depth == 0) {
                return false; // an unknown macro such as ARCH_DMA_MINALIGN or FOO_DMA_ALIGN
            }
        }
        return sawWeak;
    }

    /**
     * True when the member declared in tokens [from, to) can be a DMA buffer: an array, or a
     * structure or union object mapped by its address. Scalars and pointers cannot.
     */
    private static boolean canBeBuffer(List<Token> tokens, int from, int to) {
        boolean aggregate = false;
        int depth = 0;
        for (int k = from; k < to; k++) {
            Token t = tokens.get(k);
            if (depth == 0 && t.is("[")) {
                return true;
            }
            if (t.is("(")) {
                depth++;
            } else if (t.is(")")) {
                depth--;
            } else if (depth == 0 && t.is("*")) {
                return false;
            } else if (depth == 0 && (t.is("struct") || t.is("union"))) {
                aggregate = true;
            }
        }
        return aggregate;
    }

    /** True when the '{' or ';' at {@code from} is inside a struct or union body. */
    private static boolean insideStruct(List<Token> tokens, int from) {
        int depth = 0;
        for (int k = from; k >= 0 && k > from - 2000; k--) {
            Token t = tokens.get(k);
            if (t.is("}")) {
                depth++;
            } else if (t.is("{")) {
                if (depth == 0) {
                    int n = k - 1;
                    if (n >= 0 && tokens.get(n).isIdentifier()) {
                        n--;
                    }
                    return n >= 0 && (tokens.get(n).is("struct") || tokens.get(n).is("union"));
                }
                depth--;
            }
        }
        return false;
    }

    /** The declared name in {@code type name[N] __aligned(X)} or {@code type __aligned(X) name[]}. */
    private static String memberName(List<Token> tokens, int from, int to) {
        String last = null;
        int depth = 0;
        for (int k = from; k < to; k++) {
            Token t = tokens.get(k);
            if (t.is("(") || t.is("[")) {
                depth++;
            } else if (t.is(")") || t.is("]")) {
                depth--;
            } else if (depth == 0 && t.isIdentifier() && !t.is("__aligned") && !t.is("____cacheline_aligned")
                    && !t.is("__attribute__")) {
                last = t.text();
            }
        }
        return last;
    }

    /**
     * Member names the patch passes as the buffer of a DMA mapping or uses as SPI/USB transfer
     * buffers; a member whose address is passed ({@code &p->X}) is also recorded as {@code &X}.
     */
    static Set<String> dmaBufferMembers(PatchScan patch) {
        Set<String> names = new HashSet<>();
        for (FileScan f : patch.files) {
            for (HunkScan h : f.hunks) {
                for (Call c : h.calls) {
                    if (DMA_USES.contains(c.name())) {
                        TokenSpan buffer = MappingCheck.bufferArgument(c);
                        if (buffer != null) {
                            lastMember(buffer.tokens(), names);
                        }
                    }
                }
                List<Token> t = h.tokens;
                for (int i = 0; i + 2 < t.size(); i++) {
                    Token field = t.get(i);
                    if (field.isIdentifier() && TRANSFER_BUFFER_FIELDS.contains(field.text()) && t.get(i + 1).is("=")) {
                        int end = i + 2;
                        while (end < t.size() && !t.get(end).is(";") && !t.get(end).is(",")) {
                            end++;
                        }
                        lastMember(t.subList(i + 2, end), names);
                    }
                }
            }
        }
        return names;
    }

    /** Adds X for {@code p->X}, {@code p->X[0]} or {@code s.X}, and also {@code &X} for {@code &p->X}. */
    private static void lastMember(List<Token> tokens, Set<String> names) {
        List<Token> t = new ArrayList<>(tokens);
        boolean address = !t.isEmpty() && t.get(0).is("&");
        for (int i = 0; i + 1 < t.size(); i++) {
            if ((t.get(i).is("->") || t.get(i).is(".")) && t.get(i + 1).isIdentifier()
                    && (i + 2 >= t.size() || !t.get(i + 2).is("->") && !t.get(i + 2).is("."))) {
                names.add(t.get(i + 1).text());
                if (address && i + 2 == t.size()) {
                    names.add("&" + t.get(i + 1).text());
                }
            }
        }
    }
}
