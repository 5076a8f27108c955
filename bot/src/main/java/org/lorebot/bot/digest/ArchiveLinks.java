package org.lorebot.bot.digest;

import java.net.URI;
import java.util.Map;
import org.lorebot.bot.citation.ArchiveLink;

/**
 * Where digest items link to: the message in its inbox's public archive when the inbox has a
 * {@code url}, else in lore's all-lists inbox.
 */
public final class ArchiveLinks {

    private final Map<String, URI> inboxUrls;

    /** @param inboxUrls the public archive of each inbox that has one */
    public ArchiveLinks(Map<String, URI> inboxUrls) {
        this.inboxUrls = Map.copyOf(inboxUrls);
    }

    public String of(String list, String messageId) {
        URI url = inboxUrls.get(list);
        return ArchiveLink.of(url != null ? url.toString() : ArchiveLink.LORE_ALL, messageId);
    }
}
