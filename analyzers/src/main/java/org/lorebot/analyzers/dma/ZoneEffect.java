package org.lorebot.analyzers.dma;

import java.util.Locale;

/**
 * What a zone modifier ({@code GFP_DMA}, {@code GFP_DMA32}, {@code __GFP_HIGHMEM}) does
 * when passed to a given allocator. The words are those of {@code allocators.tsv}.
 */
public enum ZoneEffect {
    OK, REDUNDANT, REJECTED, POOL_METADATA, METADATA_SLAB_BUG, SLAB_BUG, DMA_KMALLOC,
    CACHE_PROPERTY, ARCH_ZONE, STRIPPED_VIRT, UNSUPPORTED, IMPLICIT;

    public static ZoneEffect parse(String word) {
        return valueOf(word.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
