package org.lorebot.index.query;

/**
 * A search query that cannot be understood. The message names the offending part and where it
 * is, e.g. {@code unknown date 'yesterdayish' in 'd:yesterdayish' (at column 1)}.
 */
public final class QuerySyntaxException extends Exception {

    private final String query;
    private final int column;

    public QuerySyntaxException(String query, int offset, String problem) {
        super(problem + " (at column " + (offset + 1) + " of '" + shortened(query) + "')");
        this.query = query;
        this.column = offset + 1;
    }

    /** The query for a one-line message: a hostile one may be many kilobytes long. */
    private static String shortened(String query) {
        String oneLine = query.replace('\n', ' ').replace('\r', ' ');
        return oneLine.length() <= 120 ? oneLine : oneLine.substring(0, 117) + "...";
    }

    /** The whole query as given. */
    public String query() {
        return query;
    }

    /** 1-based column where the problem starts. */
    public int column() {
        return column;
    }
}
