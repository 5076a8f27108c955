package org.lorebot.bot.state;

import java.time.Instant;
import java.util.Objects;

/**
 * One version of a patch series as a digest listed it, for the version history of later ones.
 *
 * @param seriesKey the key the series keeps across versions
 * @param version   the version number
 * @param messageId the mail that opened that version (cover letter or first part)
 * @param subject   its subject
 * @param list      the inbox it was posted to
 * @param firstSeen when it was first seen
 */
public record SeriesVersion(String seriesKey, int version, String messageId, String subject,
                            String list, Instant firstSeen) {
    public SeriesVersion {
        Objects.requireNonNull(seriesKey, "seriesKey");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(firstSeen, "firstSeen");
    }
}
