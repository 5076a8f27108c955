package org.lorebot.bot.digest;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.lorebot.bot.commands.CommandMailbox;
import org.lorebot.bot.commands.CommandProcessor;
import org.lorebot.bot.commands.ImapSettings;
import org.lorebot.bot.delivery.MailDelivery;
import org.lorebot.bot.maintainers.MaintainersFile;
import org.lorebot.bot.maintainers.MaintainersFormatException;
import org.lorebot.bot.review.BotIdentity;
import org.lorebot.bot.state.OutboxDispatcher;
import org.lorebot.bot.state.RetrySchedule;
import org.lorebot.bot.state.StateStore;
import org.lorebot.bot.subscription.DigestKey;
import org.lorebot.bot.subscription.SubscriptionManager;
import org.lorebot.bot.subscription.TokenSigner;
import org.lorebot.config.InboxConfig;
import org.lorebot.config.LorebotConfig;
import org.lorebot.index.MailIndex;

/**
 * Digests and subscriptions put together from the configuration: what {@code lorebot digest},
 * the daemon and the web server use.
 *
 * <pre>{@code
 * DigestServices digests = DigestServices.create(config, store, index, delivery, clock);
 * digests.readCommands(now);          // [commands] mailbox: subscribe, confirm, unsubscribe
 * digests.runner().runDue(now);       // queue and deliver the digests due
 * digests.subscriptions().unsubscribe(token, now);   // POST /unsubscribe/<token>
 * }</pre>
 */
public final class DigestServices {

    private final SubscriptionManager subscriptions;
    private final DigestRunner runner;
    private final CommandProcessor commands;
    private final Optional<CommandMailbox> mailbox;

    private DigestServices(SubscriptionManager subscriptions, DigestRunner runner, CommandProcessor commands,
                           Optional<CommandMailbox> mailbox) {
        this.subscriptions = subscriptions;
        this.runner = runner;
        this.commands = commands;
        this.mailbox = mailbox;
    }

    /**
     * @param delivery the configured delivery ({@link org.lorebot.bot.delivery.Deliveries}); its
     *                 Maildir tells what was delivered before an interruption. The runner
     *                 dispatches the outbox through it after queuing.
     */
    public static DigestServices create(LorebotConfig config, StateStore store, MailIndex index,
                                        MailDelivery delivery, Clock clock) {
        BotIdentity bot = identity(config);
        SubscriptionManager subscriptions = subscriptionManager(config, store);
        DigestMail mail = mail(config);
        OutboxDispatcher dispatcher = new OutboxDispatcher(store, delivery, delivery::delivered,
                RetrySchedule.standard());
        DigestRunner runner = new DigestRunner(store, index, config.subscribers(), maintainers(config), subscriptions,
                mail, dispatcher);
        Optional<CommandMailbox> mailbox = config.commands().enabled()
                ? Optional.of(new CommandMailbox(ImapSettings.of(config.commands())))
                : Optional.empty();
        return new DigestServices(subscriptions, runner, new CommandProcessor(store, subscriptions, bot), mailbox);
    }

    /**
     * What {@code lorebot digest --preview} uses: the digest of any window, sending and recording
     * nothing.
     *
     * @param store the state file when there is one (read only)
     */
    public static DigestPreview preview(LorebotConfig config, MailIndex index, Optional<StateStore> store) {
        return new DigestPreview(index, config.subscribers(), store, maintainers(config), mail(config));
    }

    private static DigestMail mail(LorebotConfig config) {
        Map<String, URI> urls = new LinkedHashMap<>();
        for (InboxConfig i : config.inboxes()) {
            if (i.url() != null) {
                urls.put(i.name(), i.url());
            }
        }
        return new DigestMail(identity(config), config.digest().webUrl(), new ArchiveLinks(urls));
    }

    /**
     * The subscription manager alone: what the web server needs for one-click unsubscribe
     * ({@link SubscriptionManager#unsubscribe} for the {@code POST},
     * {@link SubscriptionManager#previewUnsubscribe} for the {@code GET} page).
     */
    public static SubscriptionManager subscriptionManager(LorebotConfig config, StateStore store) {
        Supplier<Optional<MaintainersFile>> maintainers = maintainers(config);
        return new SubscriptionManager(store, new TokenSigner(DigestKey.loadOrCreate(config.digest().secretFile())),
                identity(config), config.digest().tokenLifetime(), config.digest().unsubscribeLifetime(),
                config.inboxes().stream().map(InboxConfig::name).toList(),
                name -> maintainers.get().flatMap(f -> f.entry(name)).isPresent());
    }

    /** The bot as its mail shows it, from {@code [delivery] from}. */
    public static BotIdentity identity(LorebotConfig config) {
        try {
            InternetAddress a = new InternetAddress(config.delivery().from(), true);
            return new BotIdentity(new org.lorebot.index.mail.Address(a.getPersonal(), a.getAddress()),
                    "lorebot", "");
        } catch (AddressException e) {
            throw new IllegalArgumentException("delivery.from '" + config.delivery().from()
                    + "' is not a mail address: " + e.getMessage(), e);
        }
    }

    /** Reads the MAINTAINERS file once, when first needed. */
    private static Supplier<Optional<MaintainersFile>> maintainers(LorebotConfig config) {
        return new Supplier<>() {
            private Optional<MaintainersFile> file;

            @Override
            public synchronized Optional<MaintainersFile> get() {
                if (file == null) {
                    if (config.digest().maintainersFile() == null) {
                        file = Optional.empty();
                    } else {
                        try {
                            file = Optional.of(MaintainersFile.read(config.digest().maintainersFile()));
                        } catch (IOException e) {
                            throw new UncheckedIOException("cannot read MAINTAINERS file "
                                    + config.digest().maintainersFile() + ": " + e.getMessage(), e);
                        } catch (MaintainersFormatException e) {
                            throw new IllegalStateException(e.getMessage(), e);
                        }
                    }
                }
                return file;
            }
        };
    }

    public SubscriptionManager subscriptions() {
        return subscriptions;
    }

    public DigestRunner runner() {
        return runner;
    }

    public CommandProcessor commands() {
        return commands;
    }

    /** Whether a command mailbox is configured. */
    public boolean readsCommands() {
        return mailbox.isPresent();
    }

    /**
     * Carries out the commands waiting in the {@code [commands]} mailbox (none when it is not
     * configured); their answers are queued in the outbox. Returns how many were handled.
     */
    public int readCommands(Instant now) throws IOException {
        if (mailbox.isEmpty()) {
            return 0;
        }
        return mailbox.get().process(m -> commands.handle(m, now));
    }
}
