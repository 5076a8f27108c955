package org.lorebot.index.mail;

import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * Plain text from an HTML-only message: block elements become line breaks, {@code <pre>} keeps
 * its spacing, and quoted replies ({@code <blockquote>}) get {@code > } prefixes so that the
 * quoted/unquoted split downstream sees them as quotes.
 */
final class HtmlText {

    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "li", "tr", "table", "ul", "ol",
            "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote", "hr", "dd", "dt", "dl", "section",
            "article", "header", "footer");
    private static final Set<String> SKIPPED = Set.of("script", "style", "head", "title");

    private HtmlText() {
    }

    static String toText(String html) {
        Document doc = Jsoup.parse(html);
        Writer writer = new Writer();
        doc.body().traverse(writer);
        return writer.text();
    }

    private static final class Writer implements NodeVisitor {
        private final StringBuilder out = new StringBuilder();
        private int quoteDepth;
        private int preDepth;
        private int skipDepth;
        private boolean lineStart = true;

        @Override
        public void head(Node node, int depth) {
            if (node instanceof Element element) {
                String tag = element.normalName();
                if (SKIPPED.contains(tag)) {
                    skipDepth++;
                } else if (BLOCKS.contains(tag)) {
                    newline(tag.equals("br"));
                }
                if (tag.equals("blockquote")) {
                    quoteDepth++;
                } else if (tag.equals("pre")) {
                    preDepth++;
                }
            } else if (node instanceof TextNode textNode && skipDepth == 0) {
                String text = preDepth > 0 ? textNode.getWholeText() : collapse(textNode.getWholeText());
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    if (c == '\n') {
                        newline(true);
                    } else if (!(lineStart && c == ' ' && preDepth == 0)) {
                        if (lineStart) {
                            out.append("> ".repeat(quoteDepth));
                            lineStart = false;
                        }
                        out.append(c);
                    }
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element element) {
                String tag = element.normalName();
                if (SKIPPED.contains(tag)) {
                    skipDepth--;
                } else if (BLOCKS.contains(tag) && !tag.equals("br")) {
                    newline(false);
                }
                if (tag.equals("blockquote")) {
                    quoteDepth--;
                } else if (tag.equals("pre")) {
                    preDepth--;
                }
            }
        }

        /** Ends the current line; an empty line is only written when forced (br, pre). */
        private void newline(boolean force) {
            if (!lineStart || force) {
                if (lineStart && quoteDepth > 0) {
                    out.append(">".repeat(quoteDepth));
                }
                out.append('\n');
                lineStart = true;
            }
        }

        private static String collapse(String text) {
            StringBuilder b = new StringBuilder(text.length());
            boolean space = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isWhitespace(c) || c == '\u00a0') {
                    space = true;
                } else {
                    if (space) {
                        b.append(' ');
                    }
                    space = false;
                    b.append(c);
                }
            }
            if (space) {
                b.append(' ');
            }
            return b.toString();
        }

        String text() {
            int end = out.length();
            while (end > 0 && (out.charAt(end - 1) == '\n' || out.charAt(end - 1) == ' ')) {
                end--;
            }
            return out.substring(0, end) + "\n";
        }
    }
}
