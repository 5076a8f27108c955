package org.lorebot.bot.digest;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.lorebot.analyzers.finding.Finding;
import org.lorebot.bot.digest.activity.Acceptance;
import org.lorebot.bot.digest.activity.GivenTrailer;
import org.lorebot.bot.series.PatchMail;

/**
 * What a digest needs to know of one message that arrived.
 *
 * @param messageId    the Message-ID
 * @param list         the inbox it arrived in
 * @param subject      its subject
 * @param from         its sender, {@code Name <address>}
 * @param sender       its sender's name, else address: how a digest names who wrote
 * @param arrived      when it arrived in the archive
 * @param thread       its thread's root Message-ID
 * @param references   the messages it answers, oldest first, the one it replies to last
 * @param patch        the patch, cover letter or pull request it carries; empty for replies and
 *                     discussion
 * @param pullRequest  whether it is a pull request ({@code [GIT PULL]}) rather than a patch
 * @param files        the files its diff changes (a pull request's: those its diffstat names in full)
 * @param changedLines the lines its diff adds or removes, for {@code K:} keywords
 * @param findings     what the DMA checker found in it
 * @param trailers     for a reply, the Reviewed-by, Acked-by and Tested-by it gives
 * @param acceptance   for a reply, whether it says what it answers was applied or merged
 */
public record MessageFacts(String messageId, String list, String subject, String from, String sender,
                           Instant arrived, String thread, List<String> references, Optional<PatchMail> patch,
                           boolean pullRequest, List<String> files, List<String> changedLines, List<Finding> findings,
                           List<GivenTrailer> trailers, Optional<Acceptance> acceptance) {
    public MessageFacts {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(arrived, "arrived");
        Objects.requireNonNull(patch, "patch");
        files = List.copyOf(files);
        changedLines = List.copyOf(changedLines);
        findings = List.copyOf(findings);
        references = List.copyOf(references);
        trailers = List.copyOf(trailers);
        Objects.requireNonNull(acceptance, "acceptance");
    }

    /** A patch or cover letter: what series are made of. */
    public boolean isPatch() {
        return patch.isPresent() && !pullRequest;
    }
}
