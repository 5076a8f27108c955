package org.lorebot.bot.citation;

import java.time.Instant;
import java.util.Objects;

/**
 * An earlier message a reply points to.
 *
 * @param url     the archive link, {@code <inbox url>/<message-id>/}
 * @param subject the message's subject
 * @param author  who wrote it, as {@code Name <address>} or a bare address
 * @param date    when it was sent
 * @param why     why it is cited, in a few words ({@code hch on GFP_DMA with kmalloc()}); may be empty
 */
public record Citation(String url, String subject, String author, Instant date, String why) {
    public Citation {
        Objects.requireNonNull(url, "url");
        subject = subject == null ? "" : subject;
        author = author == null ? "" : author;
        Objects.requireNonNull(date, "date");
        why = why == null ? "" : why;
    }

    public Citation(String url, String subject, String author, Instant date) {
        this(url, subject, author, date, "");
    }
}
