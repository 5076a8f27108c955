package org.lorebot.bot.policy;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.lorebot.analyzers.finding.Finding;

/**
 * The policy's answer for one patch.
 *
 * @param verdict  review, skip or wait
 * @param reason   why
 * @param detail   specifics for the log (the list, the sender, the limit)
 * @param retryAt  for {@link Verdict#WAIT}, when asking again makes sense
 * @param findings for {@link Verdict#REVIEW} after analysis, the findings to report
 */
public record Decision(Verdict verdict, Reason reason, String detail, Optional<Instant> retryAt,
                       List<Finding> findings) {
    public Decision {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(reason, "reason");
        detail = detail == null ? "" : detail;
        retryAt = retryAt == null ? Optional.empty() : retryAt;
        findings = List.copyOf(findings);
    }

    static Decision skip(Reason reason, String detail) {
        return new Decision(Verdict.SKIP, reason, detail, Optional.empty(), List.of());
    }

    static Decision waitUntil(Reason reason, String detail, Instant at) {
        return new Decision(Verdict.WAIT, reason, detail, Optional.of(at), List.of());
    }

    /** One line for the log: {@code skip (a reply, not a patch): ...}. */
    public String describe() {
        return verdict.name().toLowerCase(Locale.ROOT) + " (" + reason.words() + ")"
                + (detail.isEmpty() ? "" : ": " + detail);
    }
}
