package org.lorebot.index.store;

import java.io.IOException;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * A Lucene tokenizer producing the words of {@link TermScanner}. A {@link #SECTION_BREAK}
 * character between words adds a gap of {@link #SECTION_GAP} positions, as Xapian's
 * {@code increase_termpos} does between the separately indexed pieces of a message, so that a
 * phrase never matches across two of them (two diff lines, say).
 */
public final class XapianTokenizer extends Tokenizer {

    /** Separates independently indexed pieces inside one field value. */
    public static final char SECTION_BREAK = '\u0001';

    /** Positions skipped at a section break or between two values of a field. */
    public static final int SECTION_GAP = 100;

    private final CharTermAttribute termAttribute = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offsetAttribute = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute positionAttribute =
            addAttribute(PositionIncrementAttribute.class);
    private final StringBuilder buffer = new StringBuilder(1024);
    private final char[] chunk = new char[8192];
    private final TermScanner scanner = new TermScanner();

    @Override
    public void reset() throws IOException {
        super.reset();
        buffer.setLength(0);
        int read;
        while ((read = input.read(chunk)) > 0) {
            buffer.append(chunk, 0, read);
        }
        scanner.reset(buffer);
    }

    @Override
    public boolean incrementToken() {
        clearAttributes();
        if (!scanner.next()) {
            return false;
        }
        positionAttribute.setPositionIncrement(1 + scanner.sectionBreaks() * SECTION_GAP);
        termAttribute.copyBuffer(scanner.termBuffer(), 0, scanner.termLength());
        offsetAttribute.setOffset(correctOffset(scanner.start()), correctOffset(scanner.end()));
        return true;
    }

    @Override
    public void end() throws IOException {
        super.end();
        int last = correctOffset(buffer.length());
        offsetAttribute.setOffset(last, last);
    }

    @Override
    public void close() throws IOException {
        super.close();
        buffer.setLength(0);
        if (buffer.capacity() > 1 << 20) {
            buffer.trimToSize();
        }
    }
}
