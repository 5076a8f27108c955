package org.lorebot.analyzers.rules;

import java.util.List;
import org.lorebot.analyzers.clang.Token;
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
                return t.text();
            }
        }
        return candidates.get(0);
    }

    /** " (through gfp, MY_FLAGS)" when the flag reached the call via variables or macros. */
    static String through(AllocationSite site) {
        if (site.via().isEmpty()) {
            return "";
        }
        return " (through " + String.join(", ", site.via()) + ")";
    }

    static String call(AllocationSite site) {
        return site.allocator().api() + "()";
    }
}
