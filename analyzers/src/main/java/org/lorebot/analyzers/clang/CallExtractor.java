package org.lorebot.analyzers.clang;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Finds calls in a token stream, including calls nested in other calls' arguments and calls
 * that span several lines. Parentheses are matched once with a stack, so the whole scan is
 * linear apart from copying the arguments of the calls asked for. Declarations and
 * definitions ({@code void *kmalloc(size_t size, gfp_t flags)}, {@code #define name(x)})
 * are not calls.
 */
public final class CallExtractor {
    private static final Set<String> KEYWORDS = Set.of(
            "if", "while", "for", "switch", "return", "sizeof", "typeof", "__typeof__", "else",
            "case", "do", "goto", "defined", "__builtin_expect", "likely", "unlikely", "alignof",
            "_Alignof", "__alignof__", "offsetof");
    private static final Set<String> STATEMENT_WORDS = Set.of("return", "else", "case", "do", "goto");

    private final List<Token> tokens;
    private final int[] match;

    public CallExtractor(List<Token> tokens) {
        this.tokens = tokens;
        this.match = matchBrackets(tokens);
    }

    /** Index of the token that closes the bracket at {@code open}, or -1 when the text ends first. */
    public int closing(int open) {
        return match[open];
    }

    /** Every call whose name satisfies {@code wanted}, in order of appearance. */
    public List<Call> calls(Predicate<String> wanted) {
        List<Call> calls = new ArrayList<>();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (!t.isIdentifier() || !tokens.get(i + 1).is("(") || KEYWORDS.contains(t.text())
                    || !wanted.test(t.text()) || isDeclaration(i)) {
                continue;
            }
            calls.add(call(i));
        }
        return calls;
    }

    /** The call whose name is at token {@code nameIndex} (which must be followed by '('). */
    public Call call(int nameIndex) {
        int open = nameIndex + 1;
        int close = match[open];
        int end = close < 0 ? tokens.size() : close;
        List<TokenSpan> args = new ArrayList<>();
        int start = open + 1;
        for (int k = open + 1; k < end; k++) {
            Token tk = tokens.get(k);
            if (tk.is("(") || tk.is("[") || tk.is("{")) {
                int m = match[k];
                if (m < 0) {
                    k = end;
                    break;
                }
                k = m;
            } else if (tk.is(",")) {
                args.add(new TokenSpan(tokens.subList(start, k)));
                start = k + 1;
            }
        }
        if (start < end || !args.isEmpty()) {
            args.add(new TokenSpan(tokens.subList(Math.min(start, end), end)));
        }
        if (!tokens.get(nameIndex).directive()) {
            args = withoutDirectives(args);
        }
        int lastLine = close < 0 ? tokens.get(tokens.size() - 1).line() : tokens.get(close).line();
        return new Call(tokens.get(nameIndex).text(), nameIndex, args, tokens.get(nameIndex).line(),
                lastLine, close >= 0);
    }

    /**
     * Drops preprocessor lines ({@code #ifdef CONFIG_X} inside an argument list) from the
     * arguments of a call written in ordinary code; the first branch's text is what remains.
     */
    private static List<TokenSpan> withoutDirectives(List<TokenSpan> args) {
        List<TokenSpan> out = null;
        for (int a = 0; a < args.size(); a++) {
            List<Token> tokens = args.get(a).tokens();
            boolean any = false;
            for (Token t : tokens) {
                any |= t.directive();
            }
            if (!any) {
                if (out != null) {
                    out.add(args.get(a));
                }
                continue;
            }
            if (out == null) {
                out = new ArrayList<>(args.subList(0, a));
            }
            List<Token> kept = new ArrayList<>(tokens.size());
            for (Token t : tokens) {
                if (!t.directive()) {
                    kept.add(t);
                }
            }
            out.add(new TokenSpan(kept));
        }
        return out == null ? args : out;
    }

    /** True when the name at {@code i} is being declared or defined rather than called. */
    private boolean isDeclaration(int i) {
        if (i == 0) {
            return false;
        }
        Token prev = tokens.get(i - 1);
        if (prev.directive() && prev.isIdentifier() && prev.is("define")) {
            return true;
        }
        if (prev.isIdentifier()) {
            return !STATEMENT_WORDS.contains(prev.text());
        }
        if (prev.is("*") && i >= 2 && tokens.get(i - 2).isIdentifier()
                && !STATEMENT_WORDS.contains(tokens.get(i - 2).text())) {
            if (i == 2) {
                return true;
            }
            Token before = tokens.get(i - 3);
            return before.is(";") || before.is("{") || before.is("}") || before.isIdentifier()
                    || before.is("*") || before.line() != tokens.get(i - 2).line() && !isOperator(before);
        }
        return false;
    }

    private static boolean isOperator(Token t) {
        return t.kind() == Token.Kind.PUNCT && !t.is(")") && !t.is("]");
    }

    private static int[] matchBrackets(List<Token> tokens) {
        int[] match = new int[tokens.size()];
        java.util.Arrays.fill(match, -1);
        Deque<Integer> stack = new ArrayDeque<>();
        for (int i = 0; i < tokens.size(); i++) {
            String s = tokens.get(i).text();
            if (tokens.get(i).kind() != Token.Kind.PUNCT) {
                continue;
            }
            if (s.equals("(") || s.equals("[") || s.equals("{")) {
                stack.push(i);
            } else if (s.equals(")") || s.equals("]") || s.equals("}")) {
                // An unbalanced closer (fragment started mid-expression) is skipped; a
                // mismatched one pops to the nearest opener of its kind.
                char want = s.equals(")") ? '(' : s.equals("]") ? '[' : '{';
                while (!stack.isEmpty() && tokens.get(stack.peek()).text().charAt(0) != want) {
                    stack.pop();
                }
                if (!stack.isEmpty()) {
                    match[stack.pop()] = i;
                }
            }
        }
        return match;
    }
}
