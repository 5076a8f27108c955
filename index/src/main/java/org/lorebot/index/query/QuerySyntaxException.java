package org.lorebot.index.query;

/**
 * A search query that cannot be understood. The message names the offending part and where it
 * is, e.g. {@code unknown date 'yesterdayish' in 'd:yesterdayish' (at column 1)}.
 */
public final class QuerySyntaxException extends Exception {

    private final String query;
    private final int column;

    public QuerySyntaxException(String query, int offset, String problem) {
        super(problem + " (at column " + (offset + 1) + " of '" + query + "')");
        this.query = query;
        this.column = offset + 1;
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
