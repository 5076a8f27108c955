package org.lorebot.analyzers.clang;

import java.util.List;

/** A run of tokens, such as one argument of a call, with its text and source lines. */
public record TokenSpan(List<Token> tokens) {
    public TokenSpan {
        tokens = List.copyOf(tokens);
    }

    public boolean isEmpty() {
        return tokens.isEmpty();
    }

    public int firstLine() {
        return tokens.isEmpty() ? -1 : tokens.get(0).line();
    }

    public int lastLine() {
        return tokens.isEmpty() ? -1 : tokens.get(tokens.size() - 1).line();
    }

    /** The tokens joined with single spaces only where C needs them: {@code GFP_KERNEL|GFP_DMA}. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        Token previous = null;
        for (Token t : tokens) {
            if (previous != null && wordLike(previous) && wordLike(t)) {
                sb.append(' ');
            }
            sb.append(t.text());
            previous = t;
        }
        return sb.toString();
    }

    /** The text as a reader would write it: operators surrounded by spaces. */
    public String displayText() {
        StringBuilder sb = new StringBuilder();
        Token previous = null;
        for (Token t : tokens) {
            if (previous != null && (wordLike(previous) && wordLike(t) || binary(t) || binary(previous))) {
                sb.append(' ');
            }
            sb.append(t.text());
            previous = t;
        }
        return sb.toString();
    }

    /** True when some token is the identifier {@code name}. */
    public boolean mentions(String name) {
        for (Token t : tokens) {
            if (t.isIdentifier() && t.text().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean wordLike(Token t) {
        return t.kind() != Token.Kind.PUNCT;
    }

    private static boolean binary(Token t) {
        return t.kind() == Token.Kind.PUNCT && (t.is("|") || t.is("&") || t.is("?") || t.is(":"));
    }
}
