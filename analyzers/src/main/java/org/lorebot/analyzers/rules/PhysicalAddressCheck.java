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
 * set. Only driver code is judged; s390 channel I/O, firmware and hypervisor interfaces,
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
                    String target = hunk.assignedTo(c);
                    if (target != null) {
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
