package org.lorebot.bot.digest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.lorebot.analyzers.finding.Finding;
import org.lorebot.analyzers.patch.DiffLine;
import org.lorebot.analyzers.patch.FileDiff;
import org.lorebot.analyzers.patch.Hunk;
import org.lorebot.analyzers.rules.DmaChecker;
import org.lorebot.bot.series.PatchMail;
import org.lorebot.bot.state.Arrival;
import org.lorebot.index.MailIndex;
import org.lorebot.index.mail.MailMessage;
import org.lorebot.index.store.StoredMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads arrived messages from the index and works out their {@link MessageFacts}: the patch they
 * carry, the files it changes, and the DMA findings. Each message is read once per run, however
 * many digests list it. A message that is gone or no longer parses is logged and left out.
 */
public final class FactsLoader {

    private static final Logger LOG = LoggerFactory.getLogger(FactsLoader.class);

    private final MailIndex index;
    private final Map<String, Optional<MessageFacts>> cache = new HashMap<>();

    public FactsLoader(MailIndex index) {
        this.index = index;
    }

    /** The facts of every arrival that can be read, in arrival order. */
    public List<MessageFacts> load(List<Arrival> arrivals) {
        List<MessageFacts> out = new ArrayList<>(arrivals.size());
        for (Arrival a : arrivals) {
            cache.computeIfAbsent(a.messageId(), id -> read(a)).ifPresent(out::add);
        }
        return out;
    }

    private Optional<MessageFacts> read(Arrival a) {
        try {
            Optional<StoredMessage> stored = index.message(a.messageId());
            if (stored.isEmpty()) {
                LOG.warn("message <{}> is no longer in the index; left out of digests", a.messageId());
                return Optional.empty();
            }
            return Optional.of(facts(a, stored.get()));
        } catch (IOException | RuntimeException e) {
            LOG.warn("message <{}> cannot be read ({}); left out of digests", a.messageId(), e.getMessage());
            return Optional.empty();
        }
    }

    static MessageFacts facts(Arrival a, StoredMessage stored) {
        MailMessage m = stored.message();
        PatchMail mail = PatchMail.of(m);
        boolean isPatch = !mail.tags().reply() && (mail.patch().hasDiff() || mail.patch().isCoverLetter());
        Set<String> files = new LinkedHashSet<>();
        List<String> changed = new ArrayList<>();
        List<Finding> findings = List.of();
        if (isPatch && mail.patch().hasDiff()) {
            for (FileDiff f : mail.patch().files()) {
                if (f.oldPath() != null) {
                    files.add(f.oldPath());
                }
                if (f.newPath() != null) {
                    files.add(f.newPath());
                }
                for (Hunk h : f.hunks()) {
                    for (DiffLine l : h.lines()) {
                        if (l.kind() != DiffLine.Kind.CONTEXT) {
                            changed.add(l.text());
                        }
                    }
                }
            }
            findings = DmaChecker.check(mail.patch());
        }
        return new MessageFacts(m.messageId(), a.list(), m.subject(),
                m.from() == null ? "" : m.from().toString(), a.arrived(), stored.thread(),
                isPatch ? Optional.of(mail) : Optional.empty(), List.copyOf(files), changed, findings);
    }
}
