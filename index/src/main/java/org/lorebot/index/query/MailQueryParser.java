package org.lorebot.index.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.lorebot.index.store.IndexFields;
import org.lorebot.index.store.StemFilter;
import org.lorebot.index.store.TermScanner;

/**
 * Parses public-inbox's search language into a Lucene query, so that lore.kernel.org users need
 * nothing new.
 *
 * <pre>
 * query   := or
 * or      := and ( "OR" and )*
 * and     := unary ( ["AND"] ["NOT"] unary )*     (juxtaposition means AND)
 * unary   := ["+" | "-" | "NOT"] primary
 * primary := "(" or ")" | [prefix ":"] ( word | "quoted phrase" | "(" or ")" )
 * </pre>
 *
 * Prefixes: {@code s: f: t: c: tc: a: b: bs: m: l: n: nq: q: dfn: dfa: dfb: dfhh: dfctx: d:
 * dt: rt: patchid: dfpre: dfpost:} (see {@link SearchPrefix}). Words follow Xapian's rules, as public-inbox's search
 * does: a lower-case word matches any word with the same English stem ({@code ecc} finds
 * {@code ECCs}), a capitalised word or a number matches exactly, words joined by {@code . - / :
 * \ @} form a phrase ({@code spi-nor}, {@code drivers/mtd/nand/raw/marvell_nand.c},
 * addresses), {@code "..."} is a phrase, and a trailing {@code *} matches words starting with
 * what precedes it. An unknown {@code name:} is not a prefix: it is searched as words.
 *
 * <p>Lenient where public-inbox is: an empty phrase {@code ""} is ignored and a quote never
 * closed runs to the end of the query. Parentheses may nest {@link #MAX_NESTING} deep.
 */
public final class MailQueryParser {

    private static final String PHRASE_JOINERS = ".-/:\\@";
    /** Deeper nesting is no search anyone types; the bound keeps the parser's stack small. */
    public static final int MAX_NESTING = 100;

    private final String text;
    private final Instant now;
    private int pos;
    private int depth;

    private MailQueryParser(String text, Instant now) {
        this.text = text;
        this.now = now;
    }

    /** Parses {@code query}; the exception names the part that cannot be understood. */
    public static Query parse(String query) throws QuerySyntaxException {
        return parse(query, Instant.now());
    }

    /** Parses {@code query}, reading relative dates ({@code d:2.weeks.ago..}) from {@code now}. */
    public static Query parse(String query, Instant now) throws QuerySyntaxException {
        if (query == null || query.isBlank()) {
            throw new QuerySyntaxException(query == null ? "" : query, 0, "empty query");
        }
        MailQueryParser parser = new MailQueryParser(query, now);
        Query result = parser.or(SearchPrefix.NONE);
        if (result == null) {
            throw new QuerySyntaxException(query, 0, "the query has no words to search for");
        }
        parser.skipSpace();
        if (parser.pos < query.length()) {
            throw parser.error(parser.pos, query.charAt(parser.pos) == ')'
                    ? "')' without a matching '('" : "unexpected '" + parser.rest() + "'");
        }
        return result;
    }

    private Query or(SearchPrefix prefix) throws QuerySyntaxException {
        List<Query> alternatives = new ArrayList<>();
        addIfAny(alternatives, and(prefix));
        while (keyword("OR")) {
            int at = pos;
            skipSpace();
            if (atEnd()) {
                throw error(at, "'OR' needs something after it");
            }
            addIfAny(alternatives, and(prefix));
        }
        if (alternatives.isEmpty()) {
            return null;
        }
        if (alternatives.size() == 1) {
            return alternatives.get(0);
        }
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        for (Query q : alternatives) {
            builder.add(q, Occur.SHOULD);
        }
        return builder.build();
    }

    private Query and(SearchPrefix prefix) throws QuerySyntaxException {
        List<Query> required = new ArrayList<>();
        List<Query> excluded = new ArrayList<>();
        boolean first = true;
        while (true) {
            skipSpace();
            int start = pos;
            if (atEnd() || peek() == ')' || peekKeyword("OR")) {
                if (first) {
                    throw error(start, atEnd() ? "missing search term at the end"
                            : "missing search term before '" + rest() + "'");
                }
                break;
            }
            boolean explicitAnd = !first && keyword("AND");
            boolean negated = keyword("NOT");
            skipSpace();
            if (atEnd() || peek() == ')' || peekKeyword("OR") || peekKeyword("AND")) {
                String op = negated ? "NOT" : explicitAnd ? "AND" : null;
                if (op != null) {
                    throw error(start, "'" + op + "' needs a search term after it");
                }
                throw error(start, "missing search term before '" + rest() + "'");
            }
            Occur occur = negated ? Occur.MUST_NOT : Occur.MUST;
            if (peek() == '-' && pos + 1 < text.length() && !isSpace(text.charAt(pos + 1))) {
                pos++;
                occur = negated ? Occur.MUST : Occur.MUST_NOT;
            } else if (peek() == '+' && pos + 1 < text.length() && !isSpace(text.charAt(pos + 1))) {
                pos++;
            }
            Query q = unary(prefix);
            if (q != null) { // an empty phrase asks for nothing: ignored
                (occur == Occur.MUST_NOT ? excluded : required).add(q);
            }
            first = false;
        }
        if (required.isEmpty() && excluded.isEmpty()) {
            return null;
        }
        if (excluded.isEmpty() && required.size() == 1) {
            return required.get(0);
        }
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        if (required.isEmpty()) {
            // "NOT x" alone: everything but x
            builder.add(new MatchAllDocsQuery(), Occur.MUST);
        }
        for (Query q : required) {
            builder.add(q, Occur.MUST);
        }
        for (Query q : excluded) {
            builder.add(q, Occur.MUST_NOT);
        }
        return builder.build();
    }

    private Query unary(SearchPrefix prefix) throws QuerySyntaxException {
        if (peek() == '(') {
            return group(prefix);
        }
        int start = pos;
        SearchPrefix own = prefixHere();
        if (own != null) {
            pos += own.prefix().length() + 1;
            if (pos >= text.length() || isSpace(peek()) || peek() == ')') {
                throw error(start, "'" + own.prefix() + ":' needs a value after it");
            }
            if (peek() == '(') {
                if (own.takesOneValue()) {
                    throw error(start, "'" + own.prefix() + ":' takes one value, not a group");
                }
                return group(own);
            }
            return clause(own, start);
        }
        return clause(prefix, start);
    }

    private Query group(SearchPrefix prefix) throws QuerySyntaxException {
        int open = pos;
        if (++depth > MAX_NESTING) {
            throw error(open, "parentheses nested more than " + MAX_NESTING + " deep");
        }
        pos++;
        skipSpace();
        if (!atEnd() && peek() == ')') {
            throw error(open, "empty parentheses");
        }
        Query inner = or(prefix);
        skipSpace();
        if (atEnd() || peek() != ')') {
            throw error(open, "'(' is never closed");
        }
        pos++;
        depth--;
        return inner;
    }

    private static void addIfAny(List<Query> queries, Query q) {
        if (q != null) {
            queries.add(q);
        }
    }

    /** A known {@code prefix:} at the current position, or null. */
    private SearchPrefix prefixHere() {
        int colon = pos;
        while (colon < text.length() && Character.isLetter(text.charAt(colon))) {
            colon++;
        }
        if (colon == pos || colon >= text.length() || text.charAt(colon) != ':') {
            return null;
        }
        return SearchPrefix.named(text.substring(pos, colon)).orElse(null);
    }

    private Query clause(SearchPrefix prefix, int start) throws QuerySyntaxException {
        if (peek() == '"') {
            // as in public-inbox, an unbalanced quote runs to the end of the query
            int close = text.indexOf('"', pos + 1);
            int end = close < 0 ? text.length() : close;
            String phrase = text.substring(pos + 1, end);
            pos = close < 0 ? end : close + 1;
            if (prefix.takesOneValue()) {
                return special(prefix, phrase, start);
            }
            return words(prefix, phrase, true); // null for "": ignored, as public-inbox does
        }
        int valueStart = pos;
        while (!atEnd() && !isSpace(peek()) && peek() != '(' && peek() != ')') {
            pos++;
        }
        String value = text.substring(valueStart, pos);
        if (prefix.takesOneValue()) {
            return special(prefix, value, start);
        }
        Query q = words(prefix, value, false);
        if (q == null) {
            throw error(valueStart, "'" + text.substring(start, pos)
                    + "' has no words to search for");
        }
        return q;
    }

    private Query special(SearchPrefix prefix, String value, int start)
            throws QuerySyntaxException {
        switch (prefix) {
            case PATCH_ID -> {
                if (!value.matches("[0-9a-fA-F]{40}|[0-9a-fA-F]{64}")) {
                    throw error(start, "patch-id '" + value + "' is not a 40-digit hex id");
                }
                return new TermQuery(new Term(IndexFields.PATCH_ID, value.toLowerCase(Locale.ROOT)));
            }
            case DIFF_PRE_BLOB, DIFF_POST_BLOB -> {
                if (!value.matches("[0-9a-fA-F]{7,64}")) {
                    throw error(start, "'" + prefix.prefix() + ":" + value + "' needs a blob id"
                            + " of at least 7 hex digits");
                }
                String field = prefix == SearchPrefix.DIFF_PRE_BLOB
                        ? IndexFields.DIFF_PRE_BLOB : IndexFields.DIFF_POST_BLOB;
                return new TermQuery(new Term(field, value.toLowerCase(Locale.ROOT)));
            }
            default -> {
                try {
                    DateRange range = DateRange.parse(value, now);
                    String field = prefix == SearchPrefix.RECEIVED
                            ? IndexFields.RECEIVED : IndexFields.DATE;
                    return LongPoint.newRangeQuery(field, range.from(), range.to());
                } catch (IllegalArgumentException e) {
                    throw error(start, "bad date in '" + prefix.prefix() + ":" + value + "': "
                            + e.getMessage());
                }
            }
        }
    }

    /** The words of a value as term, phrase and prefix queries over the prefix's fields. */
    private static Query words(SearchPrefix prefix, String value, boolean quoted) {
        List<List<Word>> groups = new ArrayList<>();
        TermScanner scanner = new TermScanner(value);
        int previousEnd = -1;
        boolean wildcard = false;
        while (scanner.next()) {
            Word word = new Word(scanner.term().toString(),
                    value.substring(scanner.start(), scanner.end()));
            boolean joined = previousEnd >= 0 && (quoted || (scanner.start() - previousEnd == 1
                    && PHRASE_JOINERS.indexOf(value.charAt(previousEnd)) >= 0));
            if (joined) {
                groups.get(groups.size() - 1).add(word);
            } else {
                groups.add(new ArrayList<>(List.of(word)));
            }
            previousEnd = scanner.end();
        }
        if (groups.isEmpty()) {
            return null;
        }
        if (!quoted && previousEnd < value.length() && value.charAt(previousEnd) == '*') {
            wildcard = true;
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (int i = 0; i < groups.size(); i++) {
            boolean last = i == groups.size() - 1;
            all.add(acrossFields(prefix.fields(), groups.get(i), last && wildcard), Occur.MUST);
        }
        return groups.size() == 1 ? acrossFields(prefix.fields(), groups.get(0), wildcard)
                : all.build();
    }

    private static Query acrossFields(List<String> fields, List<Word> group, boolean wildcard) {
        if (fields.size() == 1) {
            return inField(fields.get(0), group, wildcard);
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String field : fields) {
            any.add(inField(field, group, wildcard), Occur.SHOULD);
        }
        return any.build();
    }

    private static Query inField(String field, List<Word> group, boolean wildcard) {
        if (group.size() > 1) {
            // A trailing '*' after a phrase is ignored, as Xapian does not expand inside phrases.
            PhraseQuery.Builder phrase = new PhraseQuery.Builder();
            for (Word w : group) {
                phrase.add(new Term(field, w.term()));
            }
            return phrase.build();
        }
        Word word = group.get(0);
        if (wildcard) {
            return new PrefixQuery(new Term(field, word.term()));
        }
        if (TermScanner.isStemmable(word.typed())) {
            String stem = StemFilter.stem(word.term());
            Query stems = new TermQuery(new Term(IndexFields.stemmed(field), stem));
            if (!StemFilter.isOwnStem(stem)) {
                return stems;
            }
            // the word that is this stem is indexed as a word only
            return new BooleanQuery.Builder()
                    .add(stems, Occur.SHOULD)
                    .add(new TermQuery(new Term(field, stem)), Occur.SHOULD)
                    .build();
        }
        return new TermQuery(new Term(field, word.term()));
    }

    /** A word as indexed (lower case) and as typed (its case decides stemming). */
    private record Word(String term, String typed) {
    }

    private boolean keyword(String word) {
        skipSpace();
        if (peekKeyword(word)) {
            pos += word.length();
            return true;
        }
        return false;
    }

    private boolean peekKeyword(String word) {
        int end = pos + word.length();
        return text.startsWith(word, pos)
                && (end == text.length() || isSpace(text.charAt(end)) || text.charAt(end) == '('
                || text.charAt(end) == ')');
    }

    private void skipSpace() {
        while (!atEnd() && isSpace(peek())) {
            pos++;
        }
    }

    private boolean atEnd() {
        return pos >= text.length();
    }

    private char peek() {
        return text.charAt(pos);
    }

    private String rest() {
        int end = pos;
        while (end < text.length() && !isSpace(text.charAt(end))) {
            end++;
        }
        return text.substring(pos, Math.max(end, Math.min(pos + 1, text.length())));
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c);
    }

    private QuerySyntaxException error(int offset, String problem) {
        return new QuerySyntaxException(text, offset, problem);
    }
}
