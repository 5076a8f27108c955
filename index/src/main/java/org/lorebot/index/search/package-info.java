/**
 * Searching the index: queries (newest first, paged, optionally within
 * {@link org.lorebot.index.search.SearchLimits}), messages by Message-ID and whole threads in
 * display order ({@link org.lorebot.index.search.MessageThread}).
 */
package org.lorebot.index.search;
