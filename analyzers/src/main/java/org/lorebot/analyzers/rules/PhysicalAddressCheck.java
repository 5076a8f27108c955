package org.lorebot.analyzers.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lorebot.analyzers.clang.Call;
import org.lorebot.analyzers.clang.Token;
import org.lorebot.analyzers.clang.TokenSpan;
import org.lorebot.analyzers.dma.CodeContext;
import org.lorebot.analyzers.finding.Severity;
import org.lorebot.analyzers.patch.DiffLine;

/**
 * DMA016: a CPU physical address ({@code virt_to_phys()}, {@code __pa()},
 * {@code page_to_phys()}, {@code virt_to_bus()}) written to a device register with
 * {@code writel()} and friends, directly or through a local variable the hunk shows being
 * set, or stored in a hardware descriptor's field ({@code desc->addr = virt_to_phys(buf)},
 * through {@code cpu_to_le32()} and casts). Only driver code is judged; s390 channel I/O, firmware and hypervisor interfaces,
 * which are defined on physical addresses, are not.
 */
final class PhysicalAddressCheck implements Check {
    private static final Set<String> PHYSICAL = Set.of("virt_to_phys", "__pa", "page_to_phys", "virt_to_bus");
    private static final Set<String> REGISTER_WRITES = Set.of(
            "writel", "writel_relaxed", "writeq", "writeq_relaxed", "iowrite32", "iowrite64",
            "iowrite32be", "iowrite64be", "__raw_writel", "__raw_writeq", "lo_hi_writeq",
            "hi_lo_writeq", "iowrite64_lo_hi", "iowrite64_hi_lo");

    @Override
    public void check(PatchScan patch, FileScan file, Report report) {
        if (!(file.path.startsWith("drivers/") || file.path.startsWith("sound/"))
                || file.in(CodeContext.S390) || file.in(CodeContext.FIRMWARE) || file.in(CodeContext.ARCH)) {
            return;
        }
        for (HunkScan hunk : file.hunks) {
            Map<String, Call> physicalVariables = new HashMap<>();
            for (Call c : hunk.calls) {
                if (PHYSICAL.contains(c.name())) {
                    String target = storedIn(hunk.tokens, c.nameIndex());
                    if (target != null && isDescriptorField(target, converted(hunk.tokens, c.nameIndex()))) {
                        if (hunk.touches(c)) {
                            report.add("DMA016", Severity.WARNING, file.path, hunk.lines(c),
                                    c.name() + "() stored in " + target
                                            + ": a CPU physical address handed to the device, not a DMA address", "");
                        }
                    } else if (target != null) {
                        physicalVariables.put(target, c);
                    }
                } else if (REGISTER_WRITES.contains(c.name())) {
                    TokenSpan value = c.argument(0);
                    if (value == null) {
                        continue;
                    }
                    Call source = physicalIn(value);
                    List<DiffLine> lines = new ArrayList<>();
                    boolean added = hunk.touches(c);
                    if (source == null) {
                        Call assigned = physicalVariables.get(HunkScan.normalize(value.text()));
                        if (assigned == null || !hunk.sameFunction(assigned.nameIndex(), c.nameIndex())) {
                            continue;
                        }
                        source = assigned;
                        lines.addAll(hunk.lines(assigned));
                        added |= hunk.touches(assigned);
                    }
                    if (!added) {
                        continue;
                    }
                    for (DiffLine l : hunk.lines(c)) {
                        if (!lines.contains(l)) {
                            lines.add(l);
                        }
                    }
                    report.add("DMA016", Severity.WARNING, file.path, lines,
                            c.name() + "() programs the device with " + source.name()
                                    + "(), a CPU physical address, not a DMA address", "");
                }
            }
        }
    }

    /** Byte-order and width conversions a DMA address goes through on its way into a descriptor. */
    private static final Set<String> CONVERSIONS = Set.of(
            "cpu_to_le32", "cpu_to_le64", "cpu_to_be32", "cpu_to_be64", "lower_32_bits", "upper_32_bits");

    /**
     * What the value of the call named at {@code nameIndex} is assigned to, looking through
     * conversions and casts ({@code d->addr = cpu_to_le32((u32)virt_to_phys(p))}), or null.
     */
    private static String storedIn(List<Token> tokens, int nameIndex) {
        int k = nameIndex - 1;
        while (k >= 1) {
            Token t = tokens.get(k);
            if (t.is("(") && tokens.get(k - 1).isIdentifier() && CONVERSIONS.contains(tokens.get(k - 1).text())) {
                k -= 2;
            } else if (t.is(")") && k >= 2 && tokens.get(k - 2).is("(") && tokens.get(k - 1).isIdentifier()) {
                k -= 3; // a cast such as (u32)
            } else {
                break;
            }
        }
        return k >= 0 && tokens.get(k).is("=") ? org.lorebot.analyzers.clang.AssignmentTarget.of(tokens, k + 1) : null;
    }

    /** Names hardware descriptors go by in drivers: {@code desc}, {@code hw}, {@code bd}, {@code lli}, ... */
    private static final java.util.regex.Pattern DESCRIPTOR = java.util.regex.Pattern.compile(
            "(?i).*(desc|dscr|lli|trb|prd).*|(.*_)?(hw|bd|td|qh|sg|sge|cmd|ring|entry|tbl|ccb|cb|ed|frame)s?");

    /**
     * True when the lvalue is a field the device reads: a member of a structure named like a
     * hardware descriptor, or any member given the value in device byte order
     * ({@code cpu_to_le32()}). A driver's own bookkeeping ({@code priv->buf_phys}) is not.
     */
    private static boolean isDescriptorField(String lvalue, boolean deviceByteOrder) {
        String[] parts = lvalue.split("->|\\.|\\[[^\\]]*\\]");
        if (parts.length < 2) {
            return false; // a plain local: followed to the register write, if any
        }
        if (deviceByteOrder) {
            return true;
        }
        for (int i = 0; i < parts.length - 1; i++) {
            if (DESCRIPTOR.matcher(parts[i].replaceAll("[^A-Za-z0-9_]", "")).matches()) {
                return true;
            }
        }
        return false;
    }

    /** True when the call's value goes through cpu_to_le32() and friends before being stored. */
    private static boolean converted(List<Token> tokens, int nameIndex) {
        for (int k = nameIndex - 1; k >= 1 && k >= nameIndex - 8; k--) {
            if (tokens.get(k).is("=") || tokens.get(k).is(";")) {
                return false;
            }
            if (tokens.get(k).isIdentifier() && tokens.get(k).text().startsWith("cpu_to_")) {
                return true;
            }
        }
        return false;
    }

    private static Call physicalIn(TokenSpan value) {
        List<Token> t = value.tokens();
        for (int i = 0; i + 1 < t.size(); i++) {
            if (t.get(i).isIdentifier() && PHYSICAL.contains(t.get(i).text()) && t.get(i + 1).is("(")) {
                return new Call(t.get(i).text(), -1, List.of(), t.get(i).line(), t.get(i).line(), true);
            }
        }
        return null;
    }
}
