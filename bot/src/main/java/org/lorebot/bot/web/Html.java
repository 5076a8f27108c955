package org.lorebot.bot.web;

/**
 * Escaping of untrusted text (mail) for HTML and XML. Every character that could open markup
 * ({@code < > & " '}) becomes a character reference, and characters that HTML and XML forbid
 * (NUL and other C0/C1 controls but tab, newline and carriage return, lone surrogates,
 * U+FFFE/U+FFFF) become U+FFFD, so hostile bytes in mail can neither inject markup nor break a
 * page or feed.
 */
public final class Html {

    private Html() {
    }

    /** {@code text} as HTML or XML character data or attribute value. */
    public static String escape(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        escape(text, 0, text.length(), out);
        return out.toString();
    }

    /** Appends {@code text[start, end)} escaped. */
    static void escape(CharSequence text, int start, int end, StringBuilder out) {
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '\t', '\n', '\r' -> out.append(c);
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < end
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else if (c < 0x20 || (c >= 0x7f && c < 0xa0) || Character.isSurrogate(c)
                            || c == 0xfffe || c == 0xffff) {
                        out.append('\ufffd');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }
}
