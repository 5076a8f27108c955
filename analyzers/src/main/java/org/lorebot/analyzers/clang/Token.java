package org.lorebot.analyzers.clang;

/**
 * One C token. {@code line} is the index of the source line it starts on (see
 * {@link SourceText}). {@code directive} is true for tokens of a preprocessor line;
 * {@code zoneGuarded} is true for tokens inside an {@code #if}/{@code #ifdef} block whose
 * condition names a {@code CONFIG_ZONE_DMA*} option (code that deliberately picks a zone).
 */
public record Token(Kind kind, String text, int line, int column, boolean directive,
                    boolean zoneGuarded) {

    public enum Kind { IDENTIFIER, NUMBER, STRING, CHAR, PUNCT }

    public boolean is(String s) {
        return text.equals(s);
    }

    public boolean isIdentifier() {
        return kind == Kind.IDENTIFIER;
    }
}
