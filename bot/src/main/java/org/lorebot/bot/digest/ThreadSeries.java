package org.lorebot.bot.digest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lorebot.bot.series.Series;
import org.lorebot.bot.series.SeriesAssembler;

/**
 * The series of one thread (a pull request stands alone, as version 0) and which series each of
 * their mails belongs to: what a reply in the thread answers.
 *
 * @param series the series, oldest first
 * @param member the series of each cover letter, patch and pull request, by Message-ID
 */
record ThreadSeries(List<Series> series, Map<String, Series> member) {

    static ThreadSeries of(List<MessageFacts> patches) {
        List<Series> series = new ArrayList<>(SeriesAssembler.assemble(
                patches.stream().filter(MessageFacts::isPatch).map(p -> p.patch().orElseThrow()).toList()));
        // pr-tracker-bot answers the pull request itself
        patches.stream().filter(MessageFacts::pullRequest)
                .forEach(p -> series.add(new Series(p.patch(), List.of(), 0, 0)));
        series.sort(Comparator.comparing(Series::firstSeen));
        Map<String, Series> member = new HashMap<>();
        for (Series s : series) {
            s.cover().ifPresent(c -> member.put(c.messageId(), s));
            s.parts().forEach(p -> member.put(p.messageId(), s));
        }
        return new ThreadSeries(List.copyOf(series), Map.copyOf(member));
    }

    /** The series a reply answers: the nearest of its references that is one, else the latest. */
    Optional<Answered> answered(MessageFacts reply) {
        for (int i = reply.references().size() - 1; i >= 0; i--) {
            Series s = member.get(reply.references().get(i));
            if (s != null) {
                return Optional.of(new Answered(s, reply.references().get(i)));
            }
        }
        return series.isEmpty() ? Optional.empty() : Optional.of(new Answered(series.get(series.size() - 1), null));
    }

    /** A series and the mail of it a reply answers (null when only the thread tells). */
    record Answered(Series series, String messageId) {
    }
}
