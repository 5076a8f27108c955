package org.lorebot.bot.review;

import java.util.Objects;

/**
 * The list a patch arrived on, as far as a reply needs it.
 *
 * @param name       the inbox name, e.g. {@code linux-mm}
 * @param address    the list's posting address, e.g. {@code linux-mm@kvack.org}
 * @param archiveUrl the inbox's archive URL, e.g. {@code https://lore.kernel.org/linux-mm}
 * @param replyTo    whom replies on this list go to
 */
public record ListContext(String name, String address, String archiveUrl, ReplyTarget replyTo) {
    public ListContext {
        Objects.requireNonNull(name, "name");
        address = address == null ? "" : address.strip();
        Objects.requireNonNull(archiveUrl, "archiveUrl");
        Objects.requireNonNull(replyTo, "replyTo");
    }
}
