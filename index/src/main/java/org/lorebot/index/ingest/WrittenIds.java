package org.lorebot.index.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * The Message-IDs a run has written, as a Bloom filter: "not written" is certain, "maybe" must
 * be asked of the index. It grows by filters of doubling size, so it needs no size ahead and
 * keeps two to four bytes per id, never the ids: a run of a million messages holds 2-4 MB.
 */
final class WrittenIds {

    private static final int FIRST_CAPACITY = 1 << 13;
    /** 16 bits and 8 probes per id: a false "maybe" about once in 2,000 per filter. */
    private static final int BITS_PER_ID = 16;
    private static final int PROBES = 8;

    private final List<long[]> filters = new ArrayList<>();
    private int capacity;
    private int inLast;

    void add(String messageId) {
        if (filters.isEmpty() || inLast == capacity) {
            capacity = filters.isEmpty() ? FIRST_CAPACITY : capacity * 2;
            filters.add(new long[capacity / 64 * BITS_PER_ID]);
            inLast = 0;
        }
        long[] bits = filters.get(filters.size() - 1);
        long hash = hash(messageId);
        int mask = bits.length * 64 - 1;
        int step = (int) (hash >>> 32) | 1;
        for (int i = 0, bit = (int) hash; i < PROBES; i++, bit += step) {
            bits[(bit & mask) >>> 6] |= 1L << bit;
        }
        inLast++;
    }

    /** False when {@code messageId} was certainly not added. */
    boolean mightContain(String messageId) {
        long hash = hash(messageId);
        int step = (int) (hash >>> 32) | 1;
        for (long[] bits : filters) {
            int mask = bits.length * 64 - 1;
            boolean all = true;
            for (int i = 0, bit = (int) hash; i < PROBES && all; i++, bit += step) {
                all = (bits[(bit & mask) >>> 6] & (1L << bit)) != 0;
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    /** FNV-1a over the characters, then murmur3's finaliser to spread the bits. */
    private static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }
}
