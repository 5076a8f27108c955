package org.lorebot.bot.review;

import java.util.Objects;
import org.lorebot.config.InboxConfig.ReplyTo;
import org.lorebot.config.InboxConfig;

/**
 * The list a patch arrived on, as far as a reply needs it.
 *
 * @param name       the inbox name, e.g. {@code linux-mm}
 * @param address    the list's posting address, e.g. {@code linux-mm@kvack.org}
 * @param archiveUrl the inbox's archive URL, e.g. {@code https://lore.kernel.org/linux-mm}
 * @param replyTo    whom replies on this list go to
 */
public record ListContext(String name, String address, String archiveUrl, ReplyTo replyTo) {

    /** Where lists without a configured URL are assumed to be archived. */
    public static final String LORE = "https://lore.kernel.org/";

    /** The reply context of a configured inbox; without a URL, lore.kernel.org's is assumed. */
    public static ListContext of(InboxConfig inbox) {
        String url = inbox.url() != null ? inbox.url().toString() : LORE + inbox.name();
        return new ListContext(inbox.name(), inbox.address(), url, inbox.replyTo());
    }

    public ListContext {
        Objects.requireNonNull(name, "name");
        address = address == null ? "" : address.strip();
        Objects.requireNonNull(archiveUrl, "archiveUrl");
        Objects.requireNonNull(replyTo, "replyTo");
    }
}
