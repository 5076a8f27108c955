package org.lorebot.analyzers.dma;

import java.util.Locale;

/** What a mask without {@code __GFP_DIRECT_RECLAIM} means for an allocator. */
public enum NonBlockingEffect {
    /** Nothing special. */
    OK,
    /** Served from the small atomic pool on remapping or encrypted systems, never from CMA. */
    ATOMIC_POOL,
    /** kvmalloc/vmalloc: not supported in 6.1; kvmalloc gives up its vmalloc fallback. */
    NO_FALLBACK;

    public static NonBlockingEffect parse(String word) {
        return valueOf(word.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
