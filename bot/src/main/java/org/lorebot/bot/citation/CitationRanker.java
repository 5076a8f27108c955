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
 * the thread of the patch under review, its own series (the author's other patches of the same
 * weeks), anything sent after it or arriving with it, and mail from bots (this one included),
 * since a bot citing bots convinces nobody. At most one citation per thread.
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

    /** Mail by the patch's author within this of the patch is taken for its own series. */
    private static final Duration SERIES_SPAN = Duration.ofDays(30);

    /** The best {@code limit} candidates for a citation in the review of {@code patch}. */
    public List<Citation> rank(MailMessage patch, List<Candidate> candidates) {
        return rank(patch, candidates, "", Set.of());
    }

    /**
     * As {@link #rank(MailMessage, List)}, each citation saying why it is cited.
     *
     * @param topic     what the finding is about ({@link DiscussionQuery#topic})
     * @param arriving  Message-IDs that reached the archive with the patch or after it
     */
    public List<Citation> rank(MailMessage patch, List<Candidate> candidates, String topic, Set<String> arriving) {
        Set<String> patchThread = new HashSet<>(patch.references());
        patchThread.add(patch.messageId());
        String patchRoot = patch.references().isEmpty() ? patch.messageId() : patch.references().get(0);

        List<Candidate> kept = new ArrayList<>();
        for (Candidate c : candidates) {
            MailMessage m = c.message();
            boolean sameThread = patchThread.contains(m.messageId())
                    || m.references().contains(patch.messageId())
                    || patchRoot.equals(c.threadRoot());
            boolean ownSeries = !isReply(m) && sameAddress(m.from(), patch.from())
                    && Duration.between(m.date(), patch.date()).abs().compareTo(SERIES_SPAN) < 0;
            if (sameThread || ownSeries || arriving.contains(m.messageId()) || !m.date().isBefore(patch.date())
                    || isBot(m.from())) {
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
        return bestPerThread.values().stream().limit(limit).map(c -> c.toCitation(why(c, topic))).toList();
    }

    /** {@code hch on GFP_DMA with kmalloc()}, {@code applied: ...}, {@code a patch removing ...}. */
    private String why(Candidate c, String topic) {
        if (topic.isEmpty()) {
            return "";
        }
        MailMessage m = c.message();
        if (!isReply(m)) {
            return "a patch removing " + topic;
        }
        if (APPLIED.matcher(m.body()).find()) {
            return "applied: " + topic;
        }
        String address = m.from().address();
        int at = address.indexOf('@');
        return (at > 0 ? address.substring(0, at) : address) + " on " + topic;
    }

    private static boolean isReply(MailMessage m) {
        return m.inReplyTo() != null || REPLY_SUBJECT.matcher(m.subject()).find();
    }

    private static boolean sameAddress(Address a, Address b) {
        return a.address().strip().equalsIgnoreCase(b.address().strip());
    }

    double score(Candidate candidate, MailMessage patch) {
        MailMessage m = candidate.message();
        double score = 0;
        boolean reply = isReply(m);
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
