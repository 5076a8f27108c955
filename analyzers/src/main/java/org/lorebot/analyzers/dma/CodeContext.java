package org.lorebot.analyzers.dma;

import java.util.Locale;

/** Where code lives, as far as the rules care (see {@code locations.tsv}). */
public enum CodeContext {
    ALLOCATOR, ARCH, S390, ISA, X86_ONLY, FIRMWARE, DMA_CORE, IOMMU, CORE;

    public static CodeContext parse(String word) {
        return valueOf(word.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
