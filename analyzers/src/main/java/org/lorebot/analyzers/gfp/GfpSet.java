package org.lorebot.analyzers.gfp;

/**
 * One possible value of a gfp mask. {@code bits} are set for certain on this path;
 * {@code open} means part of the mask is unknown (a variable, a parameter, a call), so more
 * bits may be set; {@code complement} marks the value of {@code ~x}, whose set bits are all
 * except {@code bits} (only meaningful as the right side of {@code &}).
 */
public record GfpSet(long bits, boolean open, boolean complement) {
    public static final GfpSet EMPTY = new GfpSet(0, false, false);
    public static final GfpSet UNKNOWN = new GfpSet(0, true, false);

    public static GfpSet of(long bits) {
        return new GfpSet(bits, false, false);
    }

    public boolean has(GfpFlag flag) {
        return !complement && flag.in(bits);
    }

    /** True when everything in the mask is known. */
    public boolean closed() {
        return !open && !complement;
    }

    public GfpSet or(GfpSet other) {
        if (complement || other.complement) {
            return UNKNOWN;
        }
        return new GfpSet(bits | other.bits, open || other.open, false);
    }

    public GfpSet and(GfpSet other) {
        if (other.complement && !complement) {
            return new GfpSet(bits & ~other.bits, open, false);
        }
        if (complement && !other.complement) {
            return new GfpSet(other.bits & ~bits, other.open, false);
        }
        if (complement) {
            return new GfpSet(bits | other.bits, true, true);
        }
        long both = bits & other.bits;
        boolean stillOpen = open && other.open
                || open && (other.bits & ~bits) != 0
                || other.open && (bits & ~other.bits) != 0;
        return new GfpSet(both, stillOpen, false);
    }

    public GfpSet not() {
        if (complement) {
            return new GfpSet(bits, open, false);
        }
        return open ? UNKNOWN : new GfpSet(bits, false, true);
    }
}
