package org.lorebot.bot.digest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lorebot.analyzers.finding.Finding;
import org.lorebot.analyzers.patch.DiffLine;
import org.lorebot.analyzers.patch.FileDiff;
import org.lorebot.analyzers.patch.Hunk;
import org.lorebot.analyzers.rules.DmaChecker;
import org.lorebot.bot.digest.activity.Acceptance;
import org.lorebot.bot.digest.activity.GivenTrailer;
import org.lorebot.bot.digest.activity.ReplyReader;
import org.lorebot.bot.series.PatchMail;
import org.lorebot.bot.state.Arrival;
import org.lorebot.index.MailIndex;
import org.lorebot.index.mail.MailMessage;
import org.lorebot.index.store.StoredMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads arrived messages from the index and works out their {@link MessageFacts}: the patch they
 * carry, the files it changes, the DMA findings, and for a reply what it says of the patch. Each
 * message is read once per run, however many digests list it. A message that is gone or no
 * longer parses is logged and left out.
 */
public final class FactsLoader {

    private static final Logger LOG = LoggerFactory.getLogger(FactsLoader.class);
    private static final Pattern DIFFSTAT = Pattern.compile("(?m)^ (\\S+)\\s+\\|\\s+(?:\\d+|Bin)\\b");

    private final MailIndex index;
    // Read by the threads building digests in parallel.
    private final Map<String, Optional<MessageFacts>> cache = new ConcurrentHashMap<>();

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

    /**
     * The facts of any message in the index, for the earlier mail of a thread: its arrival is
     * taken to be its Date.
     */
    public Optional<MessageFacts> message(String messageId) {
        return cache.computeIfAbsent(messageId, id -> read(id, null));
    }

    private Optional<MessageFacts> read(Arrival a) {
        return read(a.messageId(), a);
    }

    private Optional<MessageFacts> read(String messageId, Arrival arrival) {
        try {
            Optional<StoredMessage> stored = index.message(messageId);
            if (stored.isEmpty()) {
                LOG.warn("message <{}> is no longer in the index; left out of digests", messageId);
                return Optional.empty();
            }
            Arrival a = arrival != null ? arrival
                    : new Arrival(messageId, stored.get().list(), stored.get().message().date());
            return Optional.of(facts(a, stored.get()));
        } catch (IOException | RuntimeException e) {
            LOG.warn("message <{}> cannot be read ({}); left out of digests", messageId, e.getMessage());
            return Optional.empty();
        }
    }

    static MessageFacts facts(Arrival a, StoredMessage stored) {
        MailMessage m = stored.message();
        PatchMail mail = PatchMail.of(m);
        boolean isPatch = !mail.tags().reply() && (mail.patch().hasDiff() || mail.patch().isCoverLetter());
        boolean isPull = !isPatch && !mail.tags().reply() && mail.tags().pull();
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
        if (isPull) {
            files.addAll(diffstatPaths(m.body()));
        }
        List<String> references = new ArrayList<>(m.references());
        if (m.inReplyTo() != null) {
            references.remove(m.inReplyTo());
            references.add(m.inReplyTo());
        }
        boolean reply = !isPatch && !references.isEmpty();
        List<GivenTrailer> trailers = reply ? ReplyReader.trailers(m.body()) : List.of();
        Optional<Acceptance> acceptance = reply ? ReplyReader.acceptance(m.messageId(), m.body()) : Optional.empty();
        return new MessageFacts(m.messageId(), a.list(), m.subject(),
                m.from() == null ? "" : m.from().toString(), sender(m), a.arrived(), stored.thread(), references,
                isPatch || isPull ? Optional.of(mail) : Optional.empty(), isPull, List.copyOf(files), changed, findings,
                trailers, acceptance);
    }

    /** The paths a pull request's diffstat names in full (git shortens long ones to {@code .../}). */
    private static List<String> diffstatPaths(String body) {
        List<String> out = new ArrayList<>();
        Matcher m = DIFFSTAT.matcher(body);
        while (m.find()) {
            if (!m.group(1).startsWith("...")) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    private static String sender(MailMessage m) {
        if (m.from() == null) {
            return "";
        }
        return m.from().name().isBlank() ? m.from().address() : m.from().name().strip();
    }
}
