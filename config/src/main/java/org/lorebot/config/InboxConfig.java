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
 */
public record InboxConfig(String name, Path path, URI url, String address, ReplyTo replyTo) {

    /** What a list name may consist of: it ends up in paths, queries and URLs. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");

    /** Who a review reply goes to. */
    public enum ReplyTo {
        /** The author in To, the list and everyone in the original To and Cc in Cc. */
        ALL,
        /** The author alone. */
        AUTHOR
    }

    public InboxConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        address = address == null ? "" : address;
        Objects.requireNonNull(replyTo, "replyTo");
    }

    /** Whether {@code lorebot fetch} can mirror this inbox. */
    public boolean fetchable() {
        return url != null;
    }
}
