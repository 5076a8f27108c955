package org.lorebot.bot.digest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.lorebot.bot.maintainers.MaintainersFile;
import org.lorebot.bot.state.Arrival;
import org.lorebot.bot.state.StateStore;
import org.lorebot.bot.subscription.Preferences;
import org.lorebot.config.SubscriberConfig;
import org.lorebot.index.MailIndex;
import org.lorebot.index.query.QuerySyntaxException;
import org.lorebot.index.search.SearchHit;

/**
 * The digest an address would get for any window, by the messages' Date rather than by arrival:
 * for trying digests on a historic mirror. Reads the index, the configuration and (when there is
 * one) the state file; sends and records nothing.
 */
public final class DigestPreview {

    /** Stands for the unsubscribe token, which a preview does not issue. */
    public static final String TOKEN = "TOKEN";

    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
            .withZone(ZoneOffset.UTC);

    private final MailIndex index;
    private final List<SubscriberConfig> configured;
    private final Optional<StateStore> store;
    private final Supplier<Optional<MaintainersFile>> maintainers;
    private final DigestMail mail;

    /** @param store the state file, read only, for mail subscribers and series histories */
    public DigestPreview(MailIndex index, List<SubscriberConfig> configured, Optional<StateStore> store,
                         Supplier<Optional<MaintainersFile>> maintainers, DigestMail mail) {
        this.index = index;
        this.configured = List.copyOf(configured);
        this.store = store;
        this.maintainers = maintainers;
        this.mail = mail;
    }

    /**
     * The digest's subject and text for messages dated after {@code from} up to {@code to}, or
     * empty when nothing in the window would make a digest.
     *
     * @throws IllegalArgumentException when no subscriber has that address
     * @throws IllegalStateException    when their MAINTAINERS entry cannot be found
     */
    public Optional<String> text(String address, Instant from, Instant to) {
        Preferences p = preferences(address);
        Interest interest = Interest.of(p, maintainers);
        Instant previous = DigestMaterial.previousStart(from, to);
        FactsLoader loader = new FactsLoader(index);
        DigestMaterial material = new DigestMaterial(index, loader, loader.load(dated(previous, to)),
                store.isPresent() ? store.get().digests()::seriesVersions : k -> List.of());
        material.search(index, new HashSet<>(p.queries()), previous.minus(Duration.ofDays(1)));
        material.prepare(from, to);
        Digest digest = new DigestBuilder(material::history).build(address, interest, material.window(from, to),
                material.window(previous, from), material.matches());
        return digest.isEmpty() ? Optional.empty() : Optional.of(mail.preview(digest, TOKEN));
    }

    private Preferences preferences(String address) {
        for (SubscriberConfig c : configured) {
            if (c.address().equalsIgnoreCase(address)) {
                return Preferences.of(c);
            }
        }
        return store.flatMap(s -> s.subscriptions().get(address))
                .map(s -> Preferences.decode(s.preferences()))
                .orElseThrow(() -> new IllegalArgumentException("--preview: no subscriber '" + address
                        + "' (neither a [subscriber] section nor a subscription in the state file)"));
    }

    /** Every message dated in (from, to], as if each had arrived at its Date. */
    private List<Arrival> dated(Instant from, Instant to) {
        List<Arrival> out = new ArrayList<>();
        try {
            for (SearchHit h : index.search("d:" + SECOND.format(from) + ".." + SECOND.format(to.plusSeconds(1)), 0, 0)
                    .hits()) {
                if (h.date().isAfter(from) && !h.date().isAfter(to)) {
                    out.add(new Arrival(h.messageId(), h.list(), h.date()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot search the index: " + e.getMessage(), e);
        } catch (QuerySyntaxException e) {
            throw new IllegalStateException("the preview's own query does not parse", e);
        }
        return out;
    }
}
