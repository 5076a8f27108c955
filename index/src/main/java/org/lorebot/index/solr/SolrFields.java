package org.lorebot.index.solr;

/**
 * The fields the Solr collection has beyond lorebot's Lucene schema
 * ({@link org.lorebot.index.store.IndexFields}): the routing key, the stored thread, and the
 * cursor documents.
 */
final class SolrFields {

    /**
     * The unique key: {@code ROOT!MID}, so that Solr's compositeId router places a message on the
     * shard of its thread's root and a thread is one shard's work.
     */
    static final String ID = "id";
    /** The Message-ID of the thread's root, computed by the ingesting process. */
    static final String THREAD = "thread";
    /** Of a cursor document: the list whose archive cursor it holds. */
    static final String CURSOR_LIST = "cursor_list";
    /** Of a cursor document: the cursor, {@code epoch TAB position} lines. */
    static final String CURSOR = "cursor";
    /** Of a cursor document: the sequence number the next message gets. */
    static final String NEXT_SEQUENCE = "next_seq";
    /** The route of cursor documents (they live on one shard). */
    static final String CURSOR_ROUTE = "lorebot-cursor";

    private SolrFields() {
    }

    /**
     * The unique key of a message in thread {@code root}. compositeId gives a key's meaning to
     * '!' (levels) and to '/' before it (bits), so the Message-ID's '!' and '%' are escaped.
     */
    static String id(String root, String messageId) {
        return routeOf(root) + "!" + messageId.replace("%", "%25").replace("!", "%21");
    }

    /**
     * The route prefix of a thread: its root, or a hash of it when the root holds a character
     * compositeId would read (same root, same shard).
     */
    static String routeOf(String root) {
        return root.indexOf('!') < 0 && root.indexOf('/') < 0 ? root
                : "h" + Integer.toHexString(root.hashCode());
    }

    /** The unique key of {@code list}'s cursor document. */
    static String cursorId(String list) {
        return CURSOR_ROUTE + "!" + list;
    }
}
