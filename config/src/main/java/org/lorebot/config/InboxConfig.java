package org.lorebot.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One {@code [inbox "NAME"]} section: a mailing list lorebot reads, and possibly answers on.
 *
 * @param name    the list name, what {@code l:} queries and {@code [review] lists} refer to
 * @param path    the local archive: a public-inbox v2 inbox, a bare epoch repository, a v1 inbox or
 *                an mbox; the mirror {@code lorebot fetch} keeps when {@link #url} is set
 * @param url     the public base URL of the archive (fetch source and base of citation links),
 *                without a trailing slash; null when the inbox is only local
 * @param address the list's posting address, empty when unknown
 * @param replyTo who a review reply is addressed to
 * @param fetch   whether {@link #path} is fetched from {@link #url} ({@code inbox.NAME.fetch})
 */
public record InboxConfig(String name, Path path, URI url, String address, ReplyTo replyTo, Fetch fetch) {

    /** What a list name may consist of: it ends up in paths, queries and URLs. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");

    /** Who a review reply goes to. */
    public enum ReplyTo {
        /** The author in To, the list and everyone in the original To and Cc in Cc. */
        ALL,
        /** The author alone. */
        AUTHOR
    }

    /**
     * Whether the path is fetched from the url. The url is first the public address citations
     * link to: an inbox lorebot did not mirror (a list's own public-inbox) is read where it is.
     */
    public enum Fetch {
        /** Only when the path is a mirror: lorebot's own clone, or a path not there yet. */
        MIRROR,
        /** {@code fetch = true}: always. */
        ALWAYS,
        /** {@code fetch = false}: never. */
        NEVER
    }

    public InboxConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        address = address == null ? "" : address;
        Objects.requireNonNull(replyTo, "replyTo");
        Objects.requireNonNull(fetch, "fetch");
    }

    /**
     * Whether the inbox may be fetched: it has a url and {@code fetch} is not false. With
     * {@link Fetch#MIRROR}, whether it is depends on what its path holds.
     */
    public boolean fetchable() {
        return url != null && fetch != Fetch.NEVER;
    }
}
