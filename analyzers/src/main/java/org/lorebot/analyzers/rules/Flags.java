package org.lorebot.analyzers.rules;

import java.util.List;
import org.lorebot.analyzers.clang.Token;
import org.lorebot.analyzers.dma.Allocator;
import org.lorebot.analyzers.gfp.GfpFlag;

/** How a flag is spelled in a finding: the way the patch wrote it when possible. */
final class Flags {
    private Flags() {
    }

    static final List<GfpFlag> ZONE_MODIFIERS = List.of(GfpFlag.__GFP_DMA, GfpFlag.__GFP_DMA32, GfpFlag.__GFP_HIGHMEM);

    /** {@code GFP_DMA}, {@code __GFP_DMA32}, {@code GFP_HIGHUSER}, ... as written in the argument. */
    static String spelled(AllocationSite site, GfpFlag flag) {
        List<String> candidates = switch (flag) {
            case __GFP_DMA -> List.of("GFP_DMA", "__GFP_DMA");
            case __GFP_DMA32 -> List.of("GFP_DMA32", "__GFP_DMA32");
            case __GFP_HIGHMEM -> List.of("__GFP_HIGHMEM", "GFP_HIGHUSER", "GFP_HIGHUSER_MOVABLE");
            default -> List.of(flag.name());
        };
        for (Token t : site.gfpArgument().tokens()) {
            if (t.isIdentifier() && candidates.contains(t.text())) {
                // a composite mask carries more than the zone bit: name the bit inside it
                return t.text().startsWith("GFP_HIGHUSER") ? "__GFP_HIGHMEM (in " + t.text() + ")" : t.text();
            }
        }
        return candidates.get(0);
    }

    /** " (through gfp, MY_FLAGS)" when the mask reached the call via variables or macros. */
    static String through(AllocationSite site) {
        if (site.via().isEmpty()) {
            return "";
        }
        return " (through " + String.join(", ", site.via()) + ")";
    }

    /** The flag as written, plus " (through ...)" when the argument does not name it itself. */
    static String described(AllocationSite site, GfpFlag flag) {
        String spelled = spelled(site, flag);
        return site.gfpArgument().mentions(spelled) ? spelled : spelled + through(site);
    }

    /** True when the flag is set on some paths through the mask but not all: a deliberate choice. */
    static boolean conditional(AllocationSite site, GfpFlag flag) {
        return site.gfp().mayHave(flag) && !site.gfp().mustHave(flag);
    }

    static String call(AllocationSite site) {
        Allocator inner = site.allocator().wraps();
        return site.allocator().api() + "()" + (inner == null ? "" : " (which passes it to " + inner.underlying().api() + "())");
    }
}
