package org.lorebot.bot.citation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.lorebot.index.mail.Address;
import org.lorebot.index.mail.MailMessage;

/**
 * Orders the candidates a search for prior discussion found, best first. A maintainer's
 * reply weighs most, then a message that says the patch was applied, then recency. Left out:
 * the thread of the patch under review, anything sent after it, and mail from bots (this one
 * included), since a bot citing bots convinces nobody. At most one citation per thread.
 */
public final class CitationRanker {

    private static final Pattern BOT_WORD = Pattern.compile("(^|[^a-z])(ro)?bot([^a-z]|$)|syzbot");
    private static final Pattern APPLIED = Pattern.compile(
            "(?im)^(applied|queued|pushed|merged)\\b");
    private static final Pattern REPLY_SUBJECT = Pattern.compile("(?i)^\\s*(re|aw|sv)\\s*:");
    private static final double DAYS_PER_YEAR = 365.25;

    private final Set<String> maintainers;
    private final Set<String> bots;
    private final int limit;

    /**
     * @param maintainers addresses whose replies weigh most
     * @param bots        addresses never cited (besides those that look like bots by name)
     * @param limit       how many citations to keep
     */
    public CitationRanker(Set<String> maintainers, Set<String> bots, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("citation limit must not be negative: " + limit);
        }
        this.maintainers = lowerCase(maintainers);
        this.bots = lowerCase(bots);
        this.limit = limit;
    }

    /** The best {@code limit} candidates for a citation in the review of {@code patch}. */
    public List<Citation> rank(MailMessage patch, List<Candidate> candidates) {
        Set<String> patchThread = new HashSet<>(patch.references());
        patchThread.add(patch.messageId());
        String patchRoot = patch.references().isEmpty() ? patch.messageId() : patch.references().get(0);

        List<Candidate> kept = new ArrayList<>();
        for (Candidate c : candidates) {
            MailMessage m = c.message();
            boolean sameThread = patchThread.contains(m.messageId())
                    || m.references().contains(patch.messageId())
                    || patchRoot.equals(c.threadRoot());
            if (sameThread || !m.date().isBefore(patch.date()) || isBot(m.from())) {
                continue;
            }
            kept.add(c);
        }
        Comparator<Candidate> order = Comparator
                .comparingDouble((Candidate c) -> score(c, patch)).reversed()
                .thenComparing((Candidate c) -> c.message().date(), Comparator.reverseOrder())
                .thenComparing(c -> c.message().messageId());
        kept.sort(order);

        Map<String, Candidate> bestPerThread = new LinkedHashMap<>();
        for (Candidate c : kept) {
            bestPerThread.putIfAbsent(c.threadRoot(), c);
        }
        return bestPerThread.values().stream().limit(limit).map(Candidate::toCitation).toList();
    }

    double score(Candidate candidate, MailMessage patch) {
        MailMessage m = candidate.message();
        double score = 0;
        boolean reply = m.inReplyTo() != null || REPLY_SUBJECT.matcher(m.subject()).find();
        if (reply && maintainers.contains(m.from().address().toLowerCase(Locale.ROOT))) {
            score += 3;
        }
        if (reply && APPLIED.matcher(m.body()).find()) {
            score += 2;
        }
        double years = Duration.between(m.date(), patch.date()).toDays() / DAYS_PER_YEAR;
        score += 1 / (1 + Math.max(0, years));
        return score;
    }

    private boolean isBot(Address from) {
        String address = from.address().toLowerCase(Locale.ROOT);
        if (bots.contains(address)) {
            return true;
        }
        int at = address.indexOf('@');
        String local = at < 0 ? address : address.substring(0, at);
        return BOT_WORD.matcher(local).find()
                || BOT_WORD.matcher(from.name().toLowerCase(Locale.ROOT)).find();
    }

    private static Set<String> lowerCase(Set<String> addresses) {
        Set<String> out = new HashSet<>();
        for (String a : addresses) {
            out.add(a.strip().toLowerCase(Locale.ROOT));
        }
        return Set.copyOf(out);
    }
}
