package org.lorebot.bot.web;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.automaton.ByteRunAutomaton;
import org.lorebot.index.query.MailQueryParser;
import org.lorebot.index.query.QuerySyntaxException;
import org.lorebot.index.store.StemFilter;

/**
 * Marks the words of a search result that the query matched: exact words, stemmed words
 * ({@code ecc} marks {@code ECCs}) and wildcard prefixes, read from the parsed query itself so
 * that what is marked is what the index matched on. Negated words are not marked.
 */
final class QueryHighlighter {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}_]+");
    private static final String STEM_SUFFIX = "_stem";

    private final Set<String> exact = new HashSet<>();
    private final Set<String> stems = new HashSet<>();
    private final Set<String> prefixes = new HashSet<>();

    private QueryHighlighter() {
    }

    /** The highlighter for a query; one that marks nothing when the query does not parse. */
    static QueryHighlighter of(String query) {
        QueryHighlighter h = new QueryHighlighter();
        Query parsed;
        try {
            parsed = MailQueryParser.parse(query);
        } catch (QuerySyntaxException | RuntimeException e) {
            return h;
        }
        parsed.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query query, Term... terms) {
                for (Term t : terms) {
                    (t.field().endsWith(STEM_SUFFIX) ? h.stems : h.exact).add(t.text());
                }
            }

            @Override
            public void consumeTermsMatching(Query query, String field,
                                             Supplier<ByteRunAutomaton> automaton) {
                if (query instanceof PrefixQuery prefix) {
                    h.prefixes.add(prefix.getPrefix().text());
                }
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur,
                                              Query parent) {
                return occur == BooleanClause.Occur.MUST_NOT
                        ? QueryVisitor.EMPTY_VISITOR : this;
            }
        });
        return h;
    }

    /** {@code text} escaped, with the matched words in {@code <mark>}. */
    String mark(String text) {
        StringBuilder out = new StringBuilder(text.length() + 32);
        Matcher m = WORD.matcher(text);
        int at = 0;
        while (m.find()) {
            if (matches(m.group())) {
                Html.escape(text, at, m.start(), out);
                out.append("<mark>");
                Html.escape(text, m.start(), m.end(), out);
                out.append("</mark>");
                at = m.end();
            }
        }
        Html.escape(text, at, text.length(), out);
        return out.toString();
    }

    private boolean matches(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        if (exact.contains(lower) || (!stems.isEmpty() && stems.contains(StemFilter.stem(lower)))) {
            return true;
        }
        for (String prefix : prefixes) {
            if (lower.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
