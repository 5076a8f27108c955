package org.lorebot.index.store;

import java.util.Arrays;
import org.apache.lucene.util.UnicodeUtil;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * The distinct words one parsing thread has met, each with what indexing needs of it, worked out
 * once per word instead of once per occurrence: its UTF-8 bytes (Lucene's form of a term) and the
 * stem that differs from it (see {@link StemFilter}). Words are entries numbered from 0 in an
 * open-addressing table over their characters, so looking a word up makes no object. A word's
 * stem is an entry too. Not thread-safe; {@link #clear} empties it (callers bound it by
 * {@link #size}), and entries are only valid until then: a document copies what it keeps.
 */
final class WordTable {

    /** {@link #stem} of a word whose stem is itself, or that Xapian does not stem. */
    static final int NO_STEM = -1;
    private static final int UNKNOWN = -2;
    private static final int INITIAL_ENTRIES = 1 << 12;

    private final EnglishStemmer stemmer = new EnglishStemmer();
    private char[] stemInput = new char[64];
    private byte[] utf8 = new byte[3 * 64];

    /**
     * Two ints a slot: entry + 1 (0 for an empty slot) and the entry's hash, side by side so that
     * a probe reads one cache line; a power of two slots, at most half of them full.
     */
    private int[] slots;
    private int[] stems;
    /** Entry i's characters are chars[charStarts[i], charStarts[i + 1]), its bytes likewise. */
    private int[] charStarts;
    private int[] byteStarts;
    private char[] chars;
    private byte[] bytes;
    private int size;

    WordTable() {
        allocate();
    }

    private void allocate() {
        slots = new int[INITIAL_ENTRIES * 4];
        stems = new int[INITIAL_ENTRIES];
        charStarts = new int[INITIAL_ENTRIES + 1];
        byteStarts = new int[INITIAL_ENTRIES + 1];
        chars = new char[INITIAL_ENTRIES * 8];
        bytes = new byte[INITIAL_ENTRIES * 8];
    }

    /** Distinct words (and stems) held. */
    int size() {
        return size;
    }

    /** Forgets every entry; storage grown by one very large text is given back. */
    void clear() {
        if (slots.length > INITIAL_ENTRIES * 4 * 64) {
            allocate();
        } else {
            Arrays.fill(slots, 0);
        }
        size = 0;
    }

    /** The entry of the word {@code word[0, length)}, added if new. */
    int add(char[] word, int length) {
        return add(word, length, hash(word, length));
    }

    /** The same, given the word's {@link #hash} (the scanner works it out as it reads). */
    int add(char[] word, int length, int wordHash) {
        int hash = mix(wordHash);
        int mask = slots.length - 2;
        int slot = (hash << 1) & mask;
        for (int entry; (entry = slots[slot] - 1) >= 0; slot = (slot + 2) & mask) {
            if (slots[slot + 1] == hash && equals(entry, word, length)) {
                return entry;
            }
        }
        int entry = append(word, length);
        slots[slot] = entry + 1;
        slots[slot + 1] = hash;
        if (size * 4 > slots.length) {
            rehash();
        }
        return entry;
    }

    /** The entry of the word's stem when it differs from the word, else {@link #NO_STEM}. */
    int stem(int entry) {
        int stem = stems[entry];
        if (stem == UNKNOWN) {
            stem = computeStem(entry);
            stems[entry] = stem;
        }
        return stem;
    }

    /** The array holding the entries' UTF-8 bytes (replaced as the table grows). */
    byte[] bytes() {
        return bytes;
    }

    int bytesStart(int entry) {
        return byteStarts[entry];
    }

    int bytesLength(int entry) {
        return byteStarts[entry + 1] - byteStarts[entry];
    }

    private int computeStem(int entry) {
        int start = charStarts[entry];
        int length = charStarts[entry + 1] - start;
        if (!TermScanner.isStemmable(Character.codePointAt(chars, start, start + length))) {
            return NO_STEM;
        }
        if (stemInput.length < length) {
            stemInput = new char[length * 2];
        }
        // the stemmer works in (and may replace) the array it is given
        System.arraycopy(chars, start, stemInput, 0, length);
        stemmer.setCurrent(stemInput, length);
        stemmer.stem();
        char[] stem = stemmer.getCurrentBuffer();
        int stemLength = stemmer.getCurrentBufferLength();
        if (Arrays.equals(chars, start, start + length, stem, 0, stemLength)) {
            return NO_STEM;
        }
        return add(stem, stemLength);
    }

    /** A word's hash: {@code h = 31 * h + c} over its characters, as {@code String}'s. */
    static int hash(char[] word, int length) {
        int h = 0;
        for (int i = 0; i < length; i++) {
            h = 31 * h + word[i];
        }
        return h;
    }

    private static int mix(int h) {
        // mixed (MurmurHash3's finalizer): words differing in one letter would else take
        // neighbouring slots, and linear probing turns neighbours into long runs
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }

    private boolean equals(int entry, char[] word, int length) {
        int start = charStarts[entry];
        if (charStarts[entry + 1] - start != length) {
            return false;
        }
        // words are short: a plain loop beats Arrays.equals' call under C1
        for (int i = 0; i < length; i++) {
            if (chars[start + i] != word[i]) {
                return false;
            }
        }
        return true;
    }

    private int append(char[] word, int length) {
        if (size + 1 == stems.length) {
            int capacity = stems.length * 2;
            stems = Arrays.copyOf(stems, capacity);
            charStarts = Arrays.copyOf(charStarts, capacity + 1);
            byteStarts = Arrays.copyOf(byteStarts, capacity + 1);
        }
        int entry = size++;
        stems[entry] = UNKNOWN;
        int charStart = charStarts[entry];
        if (charStart + length > chars.length) {
            chars = Arrays.copyOf(chars, Math.max(chars.length * 2, charStart + length));
        }
        System.arraycopy(word, 0, chars, charStart, length);
        charStarts[entry + 1] = charStart + length;
        // as Lucene encodes a CharTermAttribute's term (lone surrogates become U+FFFD)
        if (utf8.length < length * 3) {
            utf8 = new byte[length * 3];
        }
        int byteLength = UnicodeUtil.UTF16toUTF8(word, 0, length, utf8);
        int byteStart = byteStarts[entry];
        if (byteStart + byteLength > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, byteStart + byteLength));
        }
        System.arraycopy(utf8, 0, bytes, byteStart, byteLength);
        byteStarts[entry + 1] = byteStart + byteLength;
        return entry;
    }

    private void rehash() {
        int[] old = slots;
        slots = new int[old.length * 2];
        int mask = slots.length - 2;
        for (int i = 0; i < old.length; i += 2) {
            if (old[i] != 0) {
                int slot = (old[i + 1] << 1) & mask;
                while (slots[slot] != 0) {
                    slot = (slot + 2) & mask;
                }
                slots[slot] = old[i];
                slots[slot + 1] = old[i + 1];
            }
        }
    }
}
