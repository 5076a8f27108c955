package org.lorebot.analyzers.dma;

import java.util.List;
import org.lorebot.analyzers.gfp.GfpFlag;

/**
 * One row of the allocator model: an allocation API, where its gfp argument is and what it
 * does with zone modifiers, {@code __GFP_COMP} and non-blocking masks.
 *
 * @param orderArgument index of the page order argument, or -1
 * @param wraps         for a driver's own wrapper seen in a patch, the allocator it passes its
 *                      gfp parameter to; null for the APIs of the model's table
 */
public record Allocator(String api, String family, int gfpArgument, int orderArgument,
                        boolean zeroes, ZoneEffect dma, ZoneEffect dma32, ZoneEffect highmem,
                        boolean rejectsCompound, NonBlockingEffect nonBlocking, String replacement,
                        List<String> citations, Allocator wraps) {
    public Allocator {
        citations = List.copyOf(citations);
    }

    /** A function that passes its gfp parameter (argument {@code gfpArgument}) on to {@code inner}. */
    public static Allocator wrapper(String api, int gfpArgument, Allocator inner) {
        return new Allocator(api, inner.family, gfpArgument, -1, inner.zeroes, inner.dma, inner.dma32,
                inner.highmem, inner.rejectsCompound, inner.nonBlocking, inner.replacement, inner.citations, inner);
    }

    /** The table's allocator this one ends in: itself, or what a wrapper passes its mask to. */
    public Allocator underlying() {
        return wraps == null ? this : wraps.underlying();
    }

    /** The effect of one zone bit, or {@link ZoneEffect#OK} for a bit that is not a zone modifier. */
    public ZoneEffect effectOf(GfpFlag zoneBit) {
        return switch (zoneBit) {
            case __GFP_DMA -> dma;
            case __GFP_DMA32 -> dma32;
            case __GFP_HIGHMEM -> highmem;
            default -> ZoneEffect.OK;
        };
    }
}
