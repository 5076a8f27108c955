package org.lorebot.bot.digest;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.lorebot.analyzers.finding.Finding;
import org.lorebot.bot.series.PatchMail;

/**
 * What a digest needs to know of one message that arrived.
 *
 * @param messageId    the Message-ID
 * @param list         the inbox it arrived in
 * @param subject      its subject
 * @param from         its sender, {@code Name <address>}
 * @param arrived      when it arrived in the archive
 * @param thread       its thread's root Message-ID
 * @param patch        the patch or cover letter it carries; empty for replies and discussion
 * @param files        the files its diff changes
 * @param changedLines the lines its diff adds or removes, for {@code K:} keywords
 * @param findings     what the DMA checker found in it
 */
public record MessageFacts(String messageId, String list, String subject, String from, Instant arrived,
                           String thread, Optional<PatchMail> patch, List<String> files,
                           List<String> changedLines, List<Finding> findings) {
    public MessageFacts {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(arrived, "arrived");
        Objects.requireNonNull(patch, "patch");
        files = List.copyOf(files);
        changedLines = List.copyOf(changedLines);
        findings = List.copyOf(findings);
    }

    public boolean isPatch() {
        return patch.isPresent();
    }
}
