package org.lorebot.index.store;

import java.util.Arrays;

/**
 * Splits text into words the way Xapian's term generator does, so lorebot's terms are the ones
 * public-inbox indexes: a word is a run of letters, marks, digits and connector punctuation
 * ({@code _}); {@code '} and {@code &} join letters inside a word ({@code don't}, {@code AT&T});
 * {@code .}, {@code ,} and {@code ;} join digits ({@code 1.5}, {@code 20190610062351.24405}); up to
 * three trailing {@code +} or {@code #} stay on a word ({@code C++}). Words are lower-cased; words
 * longer than 64 characters are skipped, as Xapian skips them.
 *
 * <p>Use: {@code while (scanner.next()) { scanner.term(); scanner.start(); scanner.end(); }}, or
 * {@link #termBuffer} and {@link #termLength} for the word without a {@code String}.
 */
public final class TermScanner {

    /** Xapian's default maximum word length. */
    static final int MAX_WORD_LENGTH = 64;

    /** Per ASCII character: its lower case when it is a word character, else 0. */
    private static final char[] ASCII_WORD = new char[128];

    static {
        for (char c = '0'; c <= '9'; c++) {
            ASCII_WORD[c] = c;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            ASCII_WORD[c] = c;
            ASCII_WORD[Character.toUpperCase(c)] = c;
        }
        ASCII_WORD['_'] = '_';
    }

    private static final int NOT_INFIX = 0;
    private static final int IGNORED = -1;

    /** A text longer than this is not kept for the next one (see {@link #reset}). */
    private static final int KEPT_CAPACITY = 1 << 20;

    /** The text, copied: reading a char array costs less than a CharSequence call per char. */
    private char[] text = new char[0];
    private int length;
    private int pos;
    private int start;
    private int end;
    private int sectionBreaks;
    /** The current word, lower-cased: a char array, so a word costs no object. */
    private char[] term = new char[32];
    private int termLength;
    /** The current word's {@link WordTable#hash}, worked out while it is read. */
    private int hash;

    public TermScanner() {
    }

    public TermScanner(CharSequence text) {
        reset(text);
    }

    /** Starts scanning {@code text} from its beginning. */
    public TermScanner reset(CharSequence text) {
        int n = text.length();
        if (this.text.length < n || this.text.length > KEPT_CAPACITY) {
            this.text = new char[n];
        }
        if (text instanceof String string) {
            string.getChars(0, n, this.text, 0);
        } else if (text instanceof StringBuilder builder) {
            builder.getChars(0, n, this.text, 0);
        } else {
            for (int i = 0; i < n; i++) {
                this.text[i] = text.charAt(i);
            }
        }
        this.length = n;
        this.pos = 0;
        this.start = 0;
        this.end = 0;
        this.sectionBreaks = 0;
        this.termLength = 0;
        this.hash = 0;
        return this;
    }

    /** Moves to the next word; false at the end of the text. */
    public boolean next() {
        sectionBreaks = 0;
        char[] text = this.text;
        while (pos < length) {
            char c = text[pos];
            // ASCII in one step: no code point, no call
            if (c < 128) {
                if (ASCII_WORD[c] == 0) {
                    if (c == XapianTokenizer.SECTION_BREAK) {
                        sectionBreaks++;
                    }
                    pos++;
                    continue;
                }
            } else {
                int ch = codePointAt(pos);
                if (!isOtherWordChar(ch)) {
                    pos += Character.charCount(ch);
                    continue;
                }
            }
            if (readWord()) {
                return true;
            }
        }
        return false;
    }

    /** The current word, lower-cased. */
    public String term() {
        return new String(term, 0, termLength);
    }

    /** The current word's characters, lower-cased: {@link #termLength} of them, from 0. */
    public char[] termBuffer() {
        return term;
    }

    public int termLength() {
        return termLength;
    }

    /** {@link WordTable#hash} of the current word. */
    int termHash() {
        return hash;
    }

    /**
     * How many {@link XapianTokenizer#SECTION_BREAK}s lie between the previous word and this one
     * (each one adds {@link XapianTokenizer#SECTION_GAP} to the word's position increment).
     */
    public int sectionBreaks() {
        return sectionBreaks;
    }

    /** Offset of the current word's first character. */
    public int start() {
        return start;
    }

    /** Offset just after the current word (after any {@code +}/{@code #} suffix). */
    public int end() {
        return end;
    }

    private int codePointAt(int index) {
        char c = text[index];
        return Character.isHighSurrogate(c) ? Character.codePointAt(text, index, length) : c;
    }

    /**
     * Reads the word starting at {@code pos} (a word character). Runs of ASCII word characters,
     * most of any text, are lower-cased and hashed in one tight loop; anything else (a non-ASCII
     * character, a possible infix) goes through the general rules.
     */
    private boolean readWord() {
        char[] text = this.text;
        int length = this.length;
        start = pos;
        termLength = 0;
        hash = 0;
        int at = pos;
        int prev = 0;
        while (at < length) {
            char c = text[at];
            if (c < 128) {
                char lower = ASCII_WORD[c];
                if (lower != 0) {
                    if (termLength == term.length) {
                        term = Arrays.copyOf(term, termLength * 2);
                    }
                    term[termLength++] = lower;
                    hash = 31 * hash + lower;
                    prev = c;
                    at++;
                    continue;
                }
                // of the other ASCII characters only these may join two words (see infix)
                if (c != '\'' && c != '&' && c != '.' && c != ',' && c != ';') {
                    break;
                }
            }
            int ch = codePointAt(at);
            if (isWordChar(ch)) {
                appendCodePoint(Character.toLowerCase(ch));
                prev = ch;
                at += Character.charCount(ch);
                continue;
            }
            int after = at + Character.charCount(ch);
            if (after >= length) {
                break;
            }
            int next = codePointAt(after);
            if (!isWordChar(next)) {
                break;
            }
            int infix = isDigit(prev) && isDigit(next) ? digitInfix(ch) : infix(ch);
            if (infix == NOT_INFIX) {
                break;
            }
            if (infix != IGNORED) {
                appendCodePoint(infix);
            }
            at = after;
        }
        pos = at;
        readSuffix();
        end = pos;
        return termLength <= MAX_WORD_LENGTH;
    }

    private void append(char c) {
        if (termLength == term.length) {
            term = Arrays.copyOf(term, termLength * 2);
        }
        term[termLength++] = c;
        hash = 31 * hash + c;
    }

    private void appendCodePoint(int codePoint) {
        if (Character.isBmpCodePoint(codePoint)) {
            append((char) codePoint);
        } else {
            append(Character.highSurrogate(codePoint));
            append(Character.lowSurrogate(codePoint));
        }
    }

    /** {@code C++}, {@code C#}: up to three suffix characters, dropped when a word follows. */
    private void readSuffix() {
        int at = pos;
        if (at == length || (text[at] != '+' && text[at] != '#')) {
            return;
        }
        int wordLength = termLength;
        int wordHash = hash;
        int count = 0;
        while (at < length && (text[at] == '+' || text[at] == '#')) {
            if (++count > 3) {
                termLength = wordLength;
                hash = wordHash;
                pos = at;
                return;
            }
            append(text[at]);
            at++;
        }
        if (at < length && isWordChar(codePointAt(at))) {
            termLength = wordLength;
            hash = wordHash;
            return;
        }
        pos = at;
    }

    private static int infix(int ch) {
        if (ch == '\'' || ch == '&' || ch == 0xb7 || ch == 0x5f4 || ch == 0x2027) {
            return ch;
        }
        if (ch == 0x2019 || ch == 0x201b) {
            return '\'';
        }
        return ignorable(ch) ? IGNORED : NOT_INFIX;
    }

    private static int digitInfix(int ch) {
        switch (ch) {
            case ',', '.', ';', 0x037e, 0x0589, 0x060d, 0x07f8, 0x2044, 0xfe10, 0xfe13, 0xfe14:
                return ch;
            default:
                return ignorable(ch) ? IGNORED : NOT_INFIX;
        }
    }

    private static boolean ignorable(int ch) {
        return ch >= 0x200b && (ch <= 0x200d || ch == 0x2060 || ch == 0xfeff);
    }

    private static boolean isDigit(int ch) {
        return Character.getType(ch) == Character.DECIMAL_DIGIT_NUMBER;
    }

    /** Letters, marks, numbers and connector punctuation, as Xapian's {@code is_wordchar}. */
    public static boolean isWordChar(int ch) {
        // small enough to be inlined where words are scanned
        return ch < 128 ? ASCII_WORD[ch] != 0 : isOtherWordChar(ch);
    }

    private static boolean isOtherWordChar(int ch) {
        switch (Character.getType(ch)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER,
                    Character.TITLECASE_LETTER, Character.MODIFIER_LETTER, Character.OTHER_LETTER,
                    Character.NON_SPACING_MARK, Character.ENCLOSING_MARK,
                    Character.COMBINING_SPACING_MARK, Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER, Character.OTHER_NUMBER,
                    Character.CONNECTOR_PUNCTUATION:
                return true;
            default:
                return false;
        }
    }

    /**
     * Whether Xapian stems a word: only words starting with a lower-case, title-case, modifier or
     * other letter (so neither numbers nor, in queries, capitalised words).
     */
    public static boolean isStemmable(CharSequence word) {
        if (word.length() == 0) {
            return false;
        }
        return isStemmable(Character.codePointAt(word, 0));
    }

    /** Whether Xapian stems a word starting with {@code first} (see above). */
    static boolean isStemmable(int first) {
        switch (Character.getType(first)) {
            case Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER:
                return true;
            default:
                return false;
        }
    }
}
