package org.lorebot.analyzers.gfp;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.Predicate;

/**
 * What a gfp expression may evaluate to: one {@link GfpSet} per path through its
 * conditionals ({@code a ? GFP_KERNEL : GFP_ATOMIC} has two). The number of paths is capped;
 * past the cap the paths are merged into one open set that keeps only the bits all share.
 */
public record GfpValue(List<GfpSet> alternatives) {
    static final int MAX_PATHS = 16;

    public GfpValue {
        alternatives = List.copyOf(alternatives);
        if (alternatives.isEmpty()) {
            throw new IllegalArgumentException("a gfp value needs at least one path");
        }
    }

    public static GfpValue of(GfpSet set) {
        return new GfpValue(List.of(set));
    }

    public static final GfpValue UNKNOWN = of(GfpSet.UNKNOWN);

    /** True when some path sets {@code flag} for certain. */
    public boolean mayHave(GfpFlag flag) {
        return anyPath(s -> s.has(flag));
    }

    /** True when every path sets {@code flag} for certain. */
    public boolean mustHave(GfpFlag flag) {
        return allPaths(s -> s.has(flag));
    }

    public boolean anyPath(Predicate<GfpSet> test) {
        for (GfpSet s : alternatives) {
            if (test.test(s)) {
                return true;
            }
        }
        return false;
    }

    public boolean allPaths(Predicate<GfpSet> test) {
        for (GfpSet s : alternatives) {
            if (!test.test(s)) {
                return false;
            }
        }
        return true;
    }

    public GfpValue or(GfpValue other) {
        return combine(other, GfpSet::or);
    }

    public GfpValue and(GfpValue other) {
        return combine(other, GfpSet::and);
    }

    public GfpValue not() {
        List<GfpSet> out = new ArrayList<>(alternatives.size());
        for (GfpSet s : alternatives) {
            out.add(s.not());
        }
        return new GfpValue(out);
    }

    /** Either this value or {@code other}, as after {@code c ? this : other}. */
    public GfpValue either(GfpValue other) {
        List<GfpSet> out = new ArrayList<>(alternatives);
        for (GfpSet s : other.alternatives) {
            if (!out.contains(s)) {
                out.add(s);
            }
        }
        return capped(out);
    }

    private GfpValue combine(GfpValue other, BinaryOperator<GfpSet> op) {
        List<GfpSet> out = new ArrayList<>();
        for (GfpSet a : alternatives) {
            for (GfpSet b : other.alternatives) {
                GfpSet r = op.apply(a, b);
                if (!out.contains(r)) {
                    out.add(r);
                }
            }
        }
        return capped(out);
    }

    private static GfpValue capped(List<GfpSet> sets) {
        if (sets.size() <= MAX_PATHS) {
            return new GfpValue(sets);
        }
        long common = -1L;
        for (GfpSet s : sets) {
            common &= s.complement() ? 0 : s.bits();
        }
        return of(new GfpSet(common, true, false));
    }
}
