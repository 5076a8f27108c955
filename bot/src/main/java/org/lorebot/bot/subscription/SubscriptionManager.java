package org.lorebot.bot.subscription;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.lorebot.bot.review.BotIdentity;
import org.lorebot.bot.review.OutgoingMail;
import org.lorebot.bot.review.TextWrap;
import org.lorebot.bot.state.StateStore;
import org.lorebot.bot.state.Subscription;
import org.lorebot.bot.state.SubscriptionStatus;
import org.lorebot.index.mail.Address;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subscribing, confirming and unsubscribing. Opt-in only: a request by mail is answered with a
 * confirmation sent <em>to the address to be subscribed</em> (the sender of the request), whose
 * signed, expiring token must come back before anything else is sent. Only the holder of a token
 * can act on its address, so nobody can subscribe, nor by forged mail unsubscribe, someone else.
 *
 * <p>Methods return the mail to send, if any; the caller queues it in the outbox.
 */
public final class SubscriptionManager {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionManager.class);

    /** One confirmation per address within this time, so the bot cannot be used to flood a mailbox. */
    public static final Duration CONFIRMATION_INTERVAL = Duration.ofMinutes(10);

    private final StateStore store;
    private final TokenSigner signer;
    private final BotIdentity bot;
    private final Duration confirmLifetime;
    private final Duration unsubscribeLifetime;
    private final Collection<String> knownLists;
    private final Predicate<String> maintainersEntryExists;

    /**
     * @param knownLists             the inboxes a subscriber may choose
     * @param maintainersEntryExists tells whether a MAINTAINERS entry title exists
     */
    public SubscriptionManager(StateStore store, TokenSigner signer, BotIdentity bot, Duration confirmLifetime,
                               Duration unsubscribeLifetime, Collection<String> knownLists,
                               Predicate<String> maintainersEntryExists) {
        this.store = Objects.requireNonNull(store, "store");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.bot = Objects.requireNonNull(bot, "bot");
        this.confirmLifetime = confirmLifetime;
        this.unsubscribeLifetime = unsubscribeLifetime;
        this.knownLists = List.copyOf(knownLists);
        this.maintainersEntryExists = maintainersEntryExists;
    }

    /**
     * A subscribe request from {@code sender}; the preferences are read from {@code text}.
     * Answers with the confirmation, or with what was wrong in the request.
     *
     * @param requestId the Message-ID of the request mail, answered in the thread; may be null
     */
    public Optional<OutgoingMail> requestSubscription(String sender, String text, String requestId, Instant now) {
        String address = sender.strip().toLowerCase(Locale.ROOT);
        Preferences preferences;
        try {
            preferences = Preferences.parse(text, knownLists);
            if (!preferences.choosesSomething()) {
                throw new PreferenceException("say what the digest should cover: lists, paths,"
                        + " maintainers-entry or query");
            }
            if (!preferences.maintainersEntry().isEmpty()
                    && !maintainersEntryExists.test(preferences.maintainersEntry())) {
                throw new PreferenceException("maintainers-entry: no entry '" + preferences.maintainersEntry()
                        + "' in the MAINTAINERS file lorebot reads");
            }
        } catch (PreferenceException e) {
            return Optional.of(mail(address, "lorebot digest: subscription not accepted", requestId,
                    "error", now, paragraphs(
                            "Your request to receive lorebot digests was not accepted:",
                            "  " + e.getMessage(),
                            "Send it again with the preferences corrected, one per line:",
                            example())));
        }
        Optional<Subscription> existing = store.subscriptions().get(address);
        if (existing.isPresent() && existing.get().pending().isPresent() && existing.get().requested().isPresent()
                && existing.get().requested().get().plus(CONFIRMATION_INTERVAL).isAfter(now)) {
            LOG.info("not sending {} another confirmation within {}", address, CONFIRMATION_INTERVAL);
            return Optional.empty();
        }
        Instant requested = store.subscriptions().request(address, preferences.format(), now);
        String token = signer.issue(TokenPurpose.CONFIRM, address, requested, requested.plus(confirmLifetime));
        return Optional.of(mail(address, "lorebot digest: confirm your subscription", requestId,
                "confirm", now, paragraphs(
                        "Someone, probably you, asked lorebot to send digests to " + address + " with"
                                + " these preferences:",
                        indent(preferences.format()),
                        "To confirm, reply to this mail keeping this line:",
                        "confirm " + token,
                        "The request expires at " + requested.plus(confirmLifetime) + ". If you did not"
                                + " ask for it, ignore this mail: nothing will be sent to you.")));
    }

    /** Confirms with the token from a confirmation mail. */
    public Outcome confirm(String token, Instant now) {
        Token t;
        try {
            t = signer.verify(token, TokenPurpose.CONFIRM, now);
        } catch (TokenException e) {
            LOG.info("refused confirmation token: {}", e.getMessage());
            return Outcome.refused(e);
        }
        boolean done = store.subscriptions().confirm(t.address(), t.issued(), now);
        return new Outcome(done ? Outcome.Result.CONFIRMED : Outcome.Result.NOTHING_PENDING, t.address());
    }

    /**
     * An unsubscribe request by mail without a token. The sender of a mail can be forged, so it
     * is answered with a mail to the subscriber holding a token; nothing is sent to an address
     * without a subscription.
     */
    public Optional<OutgoingMail> requestUnsubscribe(String sender, String requestId, Instant now) {
        String address = sender.strip().toLowerCase(Locale.ROOT);
        Optional<Subscription> s = store.subscriptions().get(address);
        if (s.isEmpty() || !(s.get().status() == SubscriptionStatus.ACTIVE
                || s.get().status() == SubscriptionStatus.PENDING)) {
            return Optional.empty();
        }
        String token = unsubscribeToken(address, now);
        return Optional.of(mail(address, "lorebot digest: confirm unsubscribing", requestId, "leave", now,
                paragraphs("Someone, probably you, asked lorebot to stop sending digests to " + address + ".",
                        "To unsubscribe, reply to this mail keeping this line:",
                        "unsubscribe " + token,
                        "If you did not ask, ignore this mail: your digests go on.")));
    }

    /** Ends the subscription a token names: a digest's one-click link or a reply carrying it. */
    public Outcome unsubscribe(String token, Instant now) {
        Token t;
        try {
            t = signer.verify(token, TokenPurpose.UNSUBSCRIBE, now);
        } catch (TokenException e) {
            LOG.info("refused unsubscribe token: {}", e.getMessage());
            return Outcome.refused(e);
        }
        boolean done = store.subscriptions().unsubscribe(t.address(), now);
        return new Outcome(done ? Outcome.Result.UNSUBSCRIBED : Outcome.Result.NOT_SUBSCRIBED, t.address());
    }

    /**
     * What {@link #unsubscribe} would do, changing nothing: for the page a {@code GET} of the
     * link shows (link scanners fetch links; only the {@code POST} acts).
     */
    public Outcome previewUnsubscribe(String token, Instant now) {
        Token t;
        try {
            t = signer.verify(token, TokenPurpose.UNSUBSCRIBE, now);
        } catch (TokenException e) {
            return Outcome.refused(e);
        }
        boolean subscribed = store.subscriptions().get(t.address())
                .map(s -> s.status() == SubscriptionStatus.ACTIVE || s.status() == SubscriptionStatus.PENDING)
                .orElse(false);
        return new Outcome(subscribed ? Outcome.Result.UNSUBSCRIBED : Outcome.Result.NOT_SUBSCRIBED, t.address());
    }

    /** A fresh unsubscribe token for a subscriber, as digests carry. */
    public String unsubscribeToken(String address, Instant now) {
        return signer.issue(TokenPurpose.UNSUBSCRIBE, address, now, now.plus(unsubscribeLifetime));
    }

    /** The answer to a confirmation or unsubscribe done by mail. */
    public OutgoingMail answer(Outcome outcome, String to, String requestId, Instant now) {
        String address = outcome.address().isEmpty() ? to : outcome.address();
        return mail(address, "lorebot digest: " + switch (outcome.result()) {
            case CONFIRMED -> "subscribed";
            case UNSUBSCRIBED -> "unsubscribed";
            default -> "nothing changed";
        }, requestId, "done-" + outcome.result().name().toLowerCase(Locale.ROOT), now,
                paragraphs(outcome.describe()));
    }

    private OutgoingMail mail(String to, String subject, String inReplyTo, String kind, Instant now, String body) {
        String id = kind + "." + hash(to + "|" + inReplyTo + "|" + now.toEpochMilli()) + "@" + bot.domain();
        List<String> refs = inReplyTo == null ? List.of() : List.of(inReplyTo);
        return new OutgoingMail(id, bot.address(), List.of(new Address("", to)), List.of(), subject,
                inReplyTo, refs, now, bot.mailer(), body);
    }

    private static String paragraphs(String... parts) {
        List<String> lines = new ArrayList<>();
        for (String p : parts) {
            if (!lines.isEmpty()) {
                lines.add("");
            }
            if (p.startsWith(" ") || p.contains("\n") || p.startsWith("confirm lb1.") || p.startsWith("unsubscribe lb1.")) {
                lines.add(p.stripTrailing());
            } else {
                lines.addAll(TextWrap.fill(p));
            }
        }
        lines.add("");
        lines.add("-- ");
        lines.add("lorebot, on behalf of its operator");
        return String.join("\n", lines) + "\n";
    }

    private static String indent(String text) {
        StringBuilder sb = new StringBuilder();
        for (String l : text.split("\n")) {
            sb.append("    ").append(l).append('\n');
        }
        return sb.toString();
    }

    private static String example() {
        return indent("lists: linux-mm\npaths: mm/slub.c drivers/dma/\nmaintainers-entry: SLAB ALLOCATOR\n"
                + "query: dfb:GFP_DMA\nmin-severity: warning\nfrequency: daily\nhour: 8\ntimezone: Europe/Berlin");
    }

    private static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
