package org.lorebot.index.search;

/**
 * A search refused or abandoned because it would cost more than its {@link SearchLimits} allow.
 * The message says which limit was hit and how to narrow the query.
 */
public final class SearchLimitException extends Exception {

    public SearchLimitException(String message) {
        super(message);
    }
}
