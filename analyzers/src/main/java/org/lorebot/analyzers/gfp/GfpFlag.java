package org.lorebot.analyzers.gfp;

import java.util.HashMap;
import java.util.Map;

/**
 * The kernel's individual gfp bits ({@code include/linux/gfp_types.h}). Composite masks such
 * as {@code GFP_KERNEL} are data, in {@code gfp-macros.tsv}.
 */
public enum GfpFlag {
    __GFP_DMA, __GFP_HIGHMEM, __GFP_DMA32, __GFP_MOVABLE, __GFP_RECLAIMABLE, __GFP_HIGH,
    __GFP_IO, __GFP_FS, __GFP_ZERO, __GFP_ATOMIC, __GFP_DIRECT_RECLAIM, __GFP_KSWAPD_RECLAIM,
    __GFP_WRITE, __GFP_NOWARN, __GFP_RETRY_MAYFAIL, __GFP_NOFAIL, __GFP_NORETRY,
    __GFP_MEMALLOC, __GFP_COMP, __GFP_NOMEMALLOC, __GFP_HARDWALL, __GFP_THISNODE,
    __GFP_ACCOUNT, __GFP_ZEROTAGS, __GFP_SKIP_ZERO, __GFP_SKIP_KASAN,
    __GFP_SKIP_KASAN_POISON, __GFP_SKIP_KASAN_UNPOISON, __GFP_NOLOCKDEP, __GFP_NO_OBJ_EXT,
    __GFP_UNMAPPED;

    /** The zone modifiers: at most one of DMA, DMA32 and HIGHMEM may be set. */
    public static final long ZONE_BITS = bits(__GFP_DMA, __GFP_DMA32, __GFP_HIGHMEM, __GFP_MOVABLE);

    private static final Map<String, GfpFlag> BY_NAME = new HashMap<>();

    static {
        for (GfpFlag f : values()) {
            BY_NAME.put(f.name(), f);
        }
    }

    public long bit() {
        return 1L << ordinal();
    }

    public boolean in(long mask) {
        return (mask & bit()) != 0;
    }

    public static GfpFlag byName(String name) {
        return BY_NAME.get(name);
    }

    public static long bits(GfpFlag... flags) {
        long b = 0;
        for (GfpFlag f : flags) {
            b |= f.bit();
        }
        return b;
    }
}
