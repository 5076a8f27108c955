package org.lorebot.analyzers.dma;

import java.util.List;
import org.lorebot.analyzers.gfp.GfpFlag;

/**
 * One row of the allocator model: an allocation API, where its gfp argument is and what it
 * does with zone modifiers, {@code __GFP_COMP} and non-blocking masks.
 *
 * @param orderArgument index of the page order argument, or -1
 */
public record Allocator(String api, String family, int gfpArgument, int orderArgument,
                        boolean zeroes, ZoneEffect dma, ZoneEffect dma32, ZoneEffect highmem,
                        boolean rejectsCompound, NonBlockingEffect nonBlocking, String replacement,
                        List<String> citations) {
    public Allocator {
        citations = List.copyOf(citations);
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
