package org.lorebot.analyzers.clang;

import java.util.List;
import java.util.Set;

/**
 * What a call's result is assigned to, as text that can be compared across statements:
 * {@code host->dma_buffer = kmalloc(...)} gives {@code host->dma_buffer},
 * {@code void *buf = (void *)__get_free_page(...)} gives {@code buf}.
 */
public final class AssignmentTarget {
    private static final Set<String> TYPE_OR_QUALIFIER = Set.of(
            "gfp_t", "const", "unsigned", "int", "long", "u32", "static", "register", "struct", "void");

    private AssignmentTarget() {
    }

    /** The assigned expression for the call whose name is token {@code nameIndex}, or null. */
    public static String of(List<Token> tokens, int nameIndex) {
        int k = nameIndex - 1;
        if (k >= 0 && tokens.get(k).is(")")) {
            // step over a cast such as (void *) or (unsigned long)
            int limit = Math.max(0, k - 8);
            while (k > limit && !tokens.get(k).is("(")) {
                k--;
            }
            k--;
        }
        if (k < 0 || !tokens.get(k).is("=")) {
            return null;
        }
        int start = k - 1;
        while (start >= 0) {
            Token t = tokens.get(start);
            if (t.is(";") || t.is("{") || t.is("}") || t.is(",") || t.is(")") && !memberOfParenthesised(tokens, start)) {
                break;
            }
            start--;
        }
        List<Token> lhs = tokens.subList(start + 1, k);
        if (lhs.isEmpty()) {
            return null;
        }
        for (Token t : lhs) {
            if (t.is("->") || t.is(".") || t.is("[")) {
                int from = 0;
                while (from < lhs.size() && (TYPE_OR_QUALIFIER.contains(lhs.get(from).text()) || lhs.get(from).is("*"))) {
                    from++;
                }
                return normalize(new TokenSpan(lhs.subList(from, lhs.size())).text());
            }
        }
        for (int j = lhs.size() - 1; j >= 0; j--) {
            if (lhs.get(j).isIdentifier()) {
                return lhs.get(j).text();
            }
        }
        return null;
    }

    private static boolean memberOfParenthesised(List<Token> tokens, int close) {
        return close + 1 < tokens.size() && (tokens.get(close + 1).is("->") || tokens.get(close + 1).is("."));
    }

    /** Pointer expressions compared across statements: no spaces, no outer parentheses. */
    public static String normalize(String expression) {
        String s = expression.replace(" ", "");
        while (s.startsWith("(") && s.endsWith(")") && balanced(s.substring(1, s.length() - 1))) {
            s = s.substring(1, s.length() - 1);
        }
        return s;
    }

    private static boolean balanced(String s) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }
}
