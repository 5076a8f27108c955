package org.lorebot.index.mail;

/**
 * The display name of a mailbox as git mailinfo reads it and public-inbox indexes it for
 * {@code f:}: folding whitespace collapsed to one space (RFC 5322), and comments kept, since
 * {@code A (zzz) U Thor} and {@code (work) "A U Thor"} name people by them. Quotes around words
 * go, quotes inside comments stay, and backslash escapes are resolved.
 */
final class DisplayName {

    private DisplayName() {
    }

    /** Runs of whitespace, folding line breaks included, as one space; trimmed. */
    static String collapse(String name) {
        String stripped = name.strip();
        StringBuilder out = new StringBuilder(stripped.length());
        boolean afterSpace = false;
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            boolean space = isSpace(c);
            if (!space) {
                out.append(c);
            } else if (!afterSpace) {
                out.append(' ');
            }
            afterSpace = space;
        }
        return out.toString();
    }

    /** Space, tab, LF, VT, FF and CR: what a regex's {@code \s} matches, and mailers fold with. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    /** Whether a header value holds a comment outside quoted strings. */
    static boolean hasComment(String value) {
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == '(' && !quoted) {
                return true;
            }
        }
        return false;
    }

    /**
     * The name of a one-mailbox header {@code value} with its comments: the text without the
     * {@code <address>}, quotes outside comments dropped, escapes resolved, whitespace collapsed.
     */
    static String withComments(String value) {
        StringBuilder name = new StringBuilder(value.length());
        boolean quoted = false;
        int comment = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                name.append(value.charAt(++i));
            } else if (c == '"' && comment == 0) {
                quoted = !quoted;
            } else if (c == '(' && !quoted) {
                comment++;
                name.append(c);
            } else if (c == ')' && comment > 0) {
                comment--;
                name.append(c);
            } else if (c == '<' && !quoted && comment == 0) {
                int close = value.indexOf('>', i);
                i = close < 0 ? value.length() : close;
                name.append(' ');
            } else {
                name.append(c);
            }
        }
        String collapsed = collapse(name.toString());
        // "<addr> (A U Thor)": the comment is all the name there is
        if (collapsed.startsWith("(") && collapsed.endsWith(")")
                && collapsed.indexOf(')') == collapsed.length() - 1) {
            return collapsed.substring(1, collapsed.length() - 1).strip();
        }
        return collapsed;
    }
}
