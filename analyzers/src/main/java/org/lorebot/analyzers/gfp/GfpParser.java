package org.lorebot.analyzers.gfp;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.lorebot.analyzers.clang.Token;
import org.lorebot.analyzers.clang.TokenSpan;

/**
 * Parses the tokens of a gfp argument into a {@link GfpExpression}: {@code |}, {@code &},
 * {@code ~}, parentheses, casts such as {@code (__force gfp_t)}, ternaries and integer
 * literals. Anything else (calls, members, comparisons) becomes {@link GfpExpression.Opaque},
 * and so does an expression that cannot be parsed at all: an unknown part never invents
 * bits. Recursive descent, linear in the number of tokens.
 */
public final class GfpParser {
    private static final Set<String> TYPE_WORDS = Set.of(
            "gfp_t", "__force", "unsigned", "signed", "int", "long", "const", "u32", "u64",
            "unsigned_long", "__u32", "uint32_t", "size_t");

    /** Deeper nesting than any real mask; beyond it the expression is opaque, not a stack overflow. */
    private static final int MAX_DEPTH = 64;

    private final List<Token> tokens;
    private int pos;
    private int depth;

    private GfpParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    public static GfpExpression parse(TokenSpan span) {
        return parse(span.tokens());
    }

    public static GfpExpression parse(List<Token> tokens) {
        if (tokens.isEmpty()) {
            return new GfpExpression.Opaque("");
        }
        GfpParser p = new GfpParser(tokens);
        try {
            GfpExpression e = p.conditional();
            if (p.pos != tokens.size()) {
                return new GfpExpression.Opaque(new TokenSpan(tokens).text());
            }
            return e;
        } catch (IllegalStateException malformed) {
            return new GfpExpression.Opaque(new TokenSpan(tokens).text());
        }
    }

    private boolean at(String s) {
        return pos < tokens.size() && tokens.get(pos).kind() == Token.Kind.PUNCT && tokens.get(pos).is(s);
    }

    private void expect(String s) {
        if (!at(s)) {
            throw new IllegalStateException("expected " + s);
        }
        pos++;
    }

    private GfpExpression conditional() {
        if (++depth > MAX_DEPTH) {
            throw new IllegalStateException("nested too deeply");
        }
        try {
            return conditionalAtDepth();
        } finally {
            depth--;
        }
    }

    private GfpExpression conditionalAtDepth() {
        GfpExpression cond = logical();
        if (at("?")) {
            pos++;
            GfpExpression a = conditional();
            expect(":");
            GfpExpression b = conditional();
            return new GfpExpression.Conditional(a, b);
        }
        return cond;
    }

    private GfpExpression logical() {
        GfpExpression e = bitOr();
        boolean opaque = false;
        while (at("||") || at("&&")) {
            pos++;
            bitOr();
            opaque = true;
        }
        return opaque ? new GfpExpression.Opaque("logical") : e;
    }

    private GfpExpression bitOr() {
        List<GfpExpression> parts = new ArrayList<>();
        parts.add(bitXor());
        while (at("|")) {
            pos++;
            parts.add(bitXor());
        }
        return parts.size() == 1 ? parts.get(0) : new GfpExpression.Or(parts);
    }

    private GfpExpression bitXor() {
        GfpExpression e = bitAnd();
        boolean opaque = false;
        while (at("^")) {
            pos++;
            bitAnd();
            opaque = true;
        }
        return opaque ? new GfpExpression.Opaque("^") : e;
    }

    private GfpExpression bitAnd() {
        GfpExpression e = comparison();
        while (at("&")) {
            pos++;
            e = new GfpExpression.And(e, comparison());
        }
        return e;
    }

    private GfpExpression comparison() {
        GfpExpression e = shift();
        boolean opaque = false;
        while (at("==") || at("!=") || at("<") || at(">") || at("<=") || at(">=")) {
            pos++;
            shift();
            opaque = true;
        }
        return opaque ? new GfpExpression.Opaque("comparison") : e;
    }

    private GfpExpression shift() {
        GfpExpression e = additive();
        boolean opaque = false;
        while (at("<<") || at(">>")) {
            pos++;
            additive();
            opaque = true;
        }
        return opaque ? new GfpExpression.Opaque("shift") : e;
    }

    private GfpExpression additive() {
        List<GfpExpression> parts = new ArrayList<>();
        parts.add(multiplicative());
        boolean opaque = false;
        while (at("+") || at("-")) {
            opaque |= at("-");
            pos++;
            parts.add(multiplicative());
        }
        if (opaque) {
            return new GfpExpression.Opaque("arithmetic");
        }
        // Flags are sometimes added rather than or-ed; for distinct bits it is the same.
        return parts.size() == 1 ? parts.get(0) : new GfpExpression.Or(parts);
    }

    private GfpExpression multiplicative() {
        GfpExpression e = unary();
        boolean opaque = false;
        while (at("*") || at("/") || at("%")) {
            pos++;
            unary();
            opaque = true;
        }
        return opaque ? new GfpExpression.Opaque("arithmetic") : e;
    }

    private GfpExpression unary() {
        if (at("~")) {
            pos++;
            if (++depth > MAX_DEPTH) {
                throw new IllegalStateException("nested too deeply");
            }
            try {
                return new GfpExpression.Not(unary());
            } finally {
                depth--;
            }
        }
        if (at("!") || at("-") || at("*") || at("&") || at("(") && isCast()) {
            // operators that hide the bits, and casts, which keep them: either way one level down
            boolean cast = at("(");
            if (cast) {
                while (!at(")")) {
                    pos++;
                }
            }
            pos++;
            if (++depth > MAX_DEPTH) {
                throw new IllegalStateException("nested too deeply");
            }
            try {
                GfpExpression operand = unary();
                return cast ? operand : new GfpExpression.Opaque("unary");
            } finally {
                depth--;
            }
        }
        return postfix();
    }

    /** A parenthesised list of type words followed by an operand. */
    private boolean isCast() {
        int k = pos + 1;
        boolean typeWord = false;
        while (k < tokens.size() && (tokens.get(k).isIdentifier() || tokens.get(k).is("*"))) {
            if (tokens.get(k).isIdentifier() && TYPE_WORDS.contains(tokens.get(k).text())) {
                typeWord = true;
            }
            k++;
        }
        if (k >= tokens.size() || !tokens.get(k).is(")") || k == pos + 1) {
            return false;
        }
        if (typeWord) {
            return true;
        }
        if (k + 1 >= tokens.size()) {
            return false;
        }
        Token next = tokens.get(k + 1);
        return next.isIdentifier() || next.kind() == Token.Kind.NUMBER || next.is("(") || next.is("~");
    }

    private GfpExpression postfix() {
        GfpExpression e = primary();
        boolean opaque = false;
        while (at("(") || at("[") || at(".") || at("->")) {
            opaque = true;
            if (at(".") || at("->")) {
                pos += 2;
            } else {
                skipBalanced();
            }
        }
        return opaque ? new GfpExpression.Opaque("call or member") : e;
    }

    private void skipBalanced() {
        int depth = 0;
        do {
            if (pos >= tokens.size()) {
                throw new IllegalStateException("unbalanced");
            }
            Token t = tokens.get(pos++);
            if (t.is("(") || t.is("[")) {
                depth++;
            } else if (t.is(")") || t.is("]")) {
                depth--;
            }
        } while (depth > 0);
    }

    private GfpExpression primary() {
        if (pos >= tokens.size()) {
            throw new IllegalStateException("operand expected");
        }
        Token t = tokens.get(pos);
        if (at("(")) {
            pos++;
            GfpExpression e = conditional();
            expect(")");
            return e;
        }
        pos++;
        return switch (t.kind()) {
            case IDENTIFIER -> new GfpExpression.Name(t.text(), t.line());
            case NUMBER -> literal(t.text());
            default -> throw new IllegalStateException("unexpected " + t.text());
        };
    }

    private static GfpExpression literal(String text) {
        String digits = text.toLowerCase().replaceAll("[ul]+$", "");
        try {
            long v = digits.startsWith("0x") ? Long.parseLong(digits.substring(2), 16)
                    : Long.parseLong(digits);
            return new GfpExpression.Literal(v);
        } catch (NumberFormatException e) {
            return new GfpExpression.Opaque(text);
        }
    }
}
