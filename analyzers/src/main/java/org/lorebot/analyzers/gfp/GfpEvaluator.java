package org.lorebot.analyzers.gfp;

import java.util.function.Function;

/**
 * Computes the {@link GfpValue} of a {@link GfpExpression}. Single bits and the kernel's
 * masks are known; other names go to a resolver (driver macros, local variables) and are
 * unknown when it has no answer.
 */
public final class GfpEvaluator {
    private GfpEvaluator() {
    }

    /** Evaluates with the kernel's standard macros and then {@code resolver} for other names. */
    public static GfpValue evaluate(GfpExpression expression, Function<String, GfpValue> resolver) {
        GfpMacros macros = GfpMacros.standard();
        return evaluateWith(expression, name -> {
            GfpValue known = macros.value(name);
            return known != null ? known : resolver.apply(name);
        });
    }

    /** Evaluates with {@code names} as the only source of meaning for non-bit names. */
    static GfpValue evaluateWith(GfpExpression e, Function<String, GfpValue> names) {
        if (e instanceof GfpExpression.Name n) {
            GfpFlag flag = GfpFlag.byName(n.name());
            if (flag != null) {
                return GfpValue.of(GfpSet.of(flag.bit()));
            }
            GfpValue v = names.apply(n.name());
            return v != null ? v : GfpValue.UNKNOWN;
        }
        if (e instanceof GfpExpression.Literal l) {
            return l.value() == 0 ? GfpValue.of(GfpSet.EMPTY) : GfpValue.UNKNOWN;
        }
        if (e instanceof GfpExpression.Or or) {
            GfpValue v = null;
            for (GfpExpression part : or.operands()) {
                GfpValue pv = evaluateWith(part, names);
                v = v == null ? pv : v.or(pv);
            }
            return v;
        }
        if (e instanceof GfpExpression.And and) {
            return evaluateWith(and.left(), names).and(evaluateWith(and.right(), names));
        }
        if (e instanceof GfpExpression.Not not) {
            return evaluateWith(not.operand(), names).not();
        }
        if (e instanceof GfpExpression.Conditional c) {
            return evaluateWith(c.whenTrue(), names).either(evaluateWith(c.whenFalse(), names));
        }
        return GfpValue.UNKNOWN;
    }
}
