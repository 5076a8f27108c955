package org.lorebot.analyzers.clang;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A small C lexer for diff fragments. It drops comments, keeps string and character
 * literals whole, marks preprocessor lines (with backslash continuations) and tracks
 * {@code #if} blocks that test {@code CONFIG_ZONE_DMA*}. Fragments may start inside a block
 * comment: a {@code *}{@code /} met outside any comment means everything before it was
 * comment text, so the tokens lexed so far are discarded. One pass, linear in the input.
 */
public final class Lexer {
    private static final String[] PUNCTUATORS = {
        "<<=", ">>=", "...", "->", "++", "--", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||",
        "|=", "&=", "^=", "+=", "-=", "*=", "/=", "%=", "##",
    };

    private final List<Token> tokens = new ArrayList<>();
    /** One entry per open #if: whether its condition (or an enclosing one) names a zone option. */
    private final Deque<Boolean> conditions = new ArrayDeque<>();
    private boolean inBlockComment;
    private boolean inDirective;
    private boolean sawBlockCommentOpen;
    /** Token index of a directive whose line continues with a backslash, else -1. */
    private int pendingDirective = -1;

    private Lexer() {
    }

    public static List<Token> lex(SourceText source) {
        Lexer lexer = new Lexer();
        for (int i = 0; i < source.size(); i++) {
            lexer.lexLine(i, source.text(i));
        }
        return List.copyOf(lexer.tokens);
    }

    private boolean zoneGuarded() {
        return !conditions.isEmpty() && conditions.peek();
    }

    private void lexLine(int line, String text) {
        int n = text.length();
        int i = 0;
        boolean continuation = inDirective;
        inDirective = false;
        int directiveStart = -1;
        if (!inBlockComment && !continuation) {
            int j = skipSpaces(text, 0);
            if (j < n && text.charAt(j) == '#') {
                directiveStart = tokens.size();
            }
        }
        boolean directive = continuation || directiveStart >= 0;
        while (i < n) {
            char c = text.charAt(i);
            if (inBlockComment) {
                int end = text.indexOf("*/", i);
                if (end < 0) {
                    i = n;
                } else {
                    inBlockComment = false;
                    i = end + 2;
                }
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\f' || c == '\r') {
                i++;
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                i = n;
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                inBlockComment = true;
                sawBlockCommentOpen = true;
                i += 2;
            } else if (c == '*' && i + 1 < n && text.charAt(i + 1) == '/' && !sawBlockCommentOpen) {
                // The fragment began inside a comment: what came before was prose.
                tokens.clear();
                sawBlockCommentOpen = true;
                directiveStart = -1;
                directive = false;
                i += 2;
            } else if (c == '"' || c == '\'') {
                int end = literalEnd(text, i);
                tokens.add(new Token(c == '"' ? Token.Kind.STRING : Token.Kind.CHAR,
                        text.substring(i, end), line, i, directive, zoneGuarded()));
                i = end;
            } else if (isIdentStart(c)) {
                int end = i + 1;
                while (end < n && isIdentPart(text.charAt(end))) {
                    end++;
                }
                tokens.add(new Token(Token.Kind.IDENTIFIER, text.substring(i, end), line, i,
                        directive, zoneGuarded()));
                i = end;
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(text.charAt(i + 1)))) {
                int end = i + 1;
                while (end < n && (isIdentPart(text.charAt(end)) || text.charAt(end) == '.')) {
                    end++;
                }
                tokens.add(new Token(Token.Kind.NUMBER, text.substring(i, end), line, i,
                        directive, zoneGuarded()));
                i = end;
            } else if (c == '\\' && i == lastNonSpace(text)) {
                inDirective = directive;
                i++;
            } else {
                String p = punctuator(text, i);
                tokens.add(new Token(Token.Kind.PUNCT, p, line, i, directive, zoneGuarded()));
                i += p.length();
            }
        }
        if (directiveStart >= 0 && !inDirective) {
            conditional(directiveStart);
        } else if (directiveStart >= 0) {
            pendingDirective = directiveStart;
        } else if (continuation && !inDirective && pendingDirective >= 0) {
            conditional(pendingDirective);
            pendingDirective = -1;
        }
    }

    /** Updates the #if stack from the directive whose tokens start at {@code from}. */
    private void conditional(int from) {
        if (from + 1 >= tokens.size() || !tokens.get(from).is("#")) {
            return;
        }
        String word = tokens.get(from + 1).text();
        switch (word) {
            case "if", "ifdef", "ifndef" -> {
                boolean zone = zoneGuarded() || namesZoneOption(from + 2);
                conditions.push(zone);
            }
            case "elif" -> {
                if (!conditions.isEmpty()) {
                    boolean was = conditions.pop();
                    conditions.push(was || zoneGuarded() || namesZoneOption(from + 2));
                }
            }
            case "endif" -> {
                if (!conditions.isEmpty()) {
                    conditions.pop();
                }
            }
            default -> {
                // #else keeps the block's zone flag; other directives do not nest.
            }
        }
    }

    private boolean namesZoneOption(int from) {
        for (int k = from; k < tokens.size(); k++) {
            if (tokens.get(k).text().startsWith("CONFIG_ZONE_DMA")) {
                return true;
            }
        }
        return false;
    }

    private static int skipSpaces(String text, int i) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int lastNonSpace(String text) {
        int i = text.length() - 1;
        while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
            i--;
        }
        return i;
    }

    /** End (exclusive) of the literal starting at {@code start}; an unterminated one ends the line. */
    private static int literalEnd(String text, int start) {
        char quote = text.charAt(start);
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote) {
                return i + 1;
            } else {
                i++;
            }
        }
        return text.length();
    }

    private static String punctuator(String text, int i) {
        char c = text.charAt(i);
        if (MULTI_CHAR_STARTS.indexOf(c) >= 0) {
            for (String p : PUNCTUATORS) {
                if (p.charAt(0) == c && text.startsWith(p, i)) {
                    return p;
                }
            }
        }
        return c < SINGLE.length ? SINGLE[c] : String.valueOf(c);
    }

    /** First characters of the multi-character punctuators. */
    private static final String MULTI_CHAR_STARTS = "<>.-+=!&|^*/%#";
    /** Interned one-character strings, so lexing does not allocate them per token. */
    private static final String[] SINGLE = new String[128];

    static {
        for (char c = 0; c < SINGLE.length; c++) {
            SINGLE[c] = String.valueOf(c);
        }
    }

    static boolean isIdentStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    static boolean isIdentPart(char c) {
        return isIdentStart(c) || (c >= '0' && c <= '9');
    }
}
