package org.lorebot.bot.digest;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lorebot.bot.series.PatchMail;
import org.lorebot.bot.series.Series;
import org.lorebot.bot.series.SeriesAssembler;

/**
 * The messages that arrived in one period, and the series they form. Subscribers due at the same
 * boundary for the same period share one window, so series are assembled once.
 */
final class Window {

    private final Instant start;
    private final Instant end;
    private final List<MessageFacts> messages;
    private final Map<String, MessageFacts> byId = new HashMap<>();
    private final List<Series> series;

    Window(Instant start, Instant end, List<MessageFacts> messages) {
        this.start = start;
        this.end = end;
        this.messages = List.copyOf(messages);
        messages.forEach(m -> byId.put(m.messageId(), m));
        List<PatchMail> patches = messages.stream().filter(MessageFacts::isPatch)
                .map(m -> m.patch().orElseThrow()).toList();
        this.series = SeriesAssembler.assemble(patches);
    }

    Instant start() {
        return start;
    }

    Instant end() {
        return end;
    }

    List<MessageFacts> messages() {
        return messages;
    }

    MessageFacts facts(String messageId) {
        return byId.get(messageId);
    }

    boolean contains(String messageId) {
        return byId.containsKey(messageId);
    }

    List<Series> series() {
        return series;
    }
}
