package org.lorebot.analyzers.clang;

import java.util.List;

/**
 * A call found in a token stream: the called name, its arguments split at top-level commas,
 * the token index of the name and the source lines it spans. {@code complete} is false when
 * the fragment ends before the closing parenthesis; the arguments then stop where the text
 * does, and the last one may be cut short.
 */
public record Call(String name, int nameIndex, List<TokenSpan> arguments, int firstLine,
                   int lastLine, boolean complete) {
    public Call {
        arguments = List.copyOf(arguments);
    }

    /** The argument at {@code index} when the call has it whole, else null. */
    public TokenSpan argument(int index) {
        if (index < 0 || index >= arguments.size()) {
            return null;
        }
        if (!complete && index == arguments.size() - 1) {
            return null;
        }
        return arguments.get(index);
    }
}
