package org.lorebot.analyzers.gfp;

import java.util.List;

/** A parsed gfp mask expression, before names are resolved. */
public sealed interface GfpExpression {

    /** An identifier: a gfp bit, a known mask macro, a driver macro or a variable. */
    record Name(String name, int line) implements GfpExpression { }

    /** An integer literal ({@code 0} is the empty mask). */
    record Literal(long value) implements GfpExpression { }

    /** {@code a | b | ...} (also {@code +} of flags and {@code ^}, both rare). */
    record Or(List<GfpExpression> operands) implements GfpExpression { }

    /** {@code a & b}. */
    record And(GfpExpression left, GfpExpression right) implements GfpExpression { }

    /** {@code ~a}. */
    record Not(GfpExpression operand) implements GfpExpression { }

    /** {@code condition ? a : b}: either branch may be the mask. */
    record Conditional(GfpExpression whenTrue, GfpExpression whenFalse) implements GfpExpression { }

    /** Something whose bits cannot be known here: a function call, a member, a comparison. */
    record Opaque(String text) implements GfpExpression { }
}
