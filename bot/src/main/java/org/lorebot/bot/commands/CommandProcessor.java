package org.lorebot.bot.commands;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.lorebot.bot.crash.CrashPoint;
import org.lorebot.bot.delivery.MailRenderer;
import org.lorebot.bot.review.BotIdentity;
import org.lorebot.bot.review.OutgoingMail;
import org.lorebot.bot.state.StateStore;
import org.lorebot.bot.subscription.Outcome;
import org.lorebot.bot.subscription.SubscriptionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out the commands mailed to the bot and queues the answers in the outbox. Mail that no
 * person wrote (auto-replies, bounces, list traffic) and the bot's own mail are never answered,
 * so two robots cannot keep each other busy. Each command is carried out once, even when the
 * mailbox shows it again after a restart.
 */
public final class CommandProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(CommandProcessor.class);

    private final StateStore store;
    private final SubscriptionManager subscriptions;
    private final BotIdentity bot;
    private final MailRenderer renderer = new MailRenderer();

    public CommandProcessor(StateStore store, SubscriptionManager subscriptions, BotIdentity bot) {
        this.store = Objects.requireNonNull(store, "store");
        this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
        this.bot = Objects.requireNonNull(bot, "bot");
    }

    /**
     * Carries out one command mail and queues its answers; returns true once the mail is dealt
     * with (carried out now or before, or not a command). When the state cannot be written it
     * throws, and the mail stays unread for the next pass.
     *
     * <p>The change to the subscription, the queued answers and the mark "handled" are one
     * transaction: a process killed in between leaves none of them, and the mail, still unread,
     * is carried out afresh. Otherwise a confirmation done but not answered would be answered
     * "nothing pending", and a request whose confirmation was not yet queued would be taken for
     * a repeat and not answered at all.
     */
    public boolean handle(CommandMail mail, Instant now) {
        store.inOneTransaction("carry out command " + mail.messageId(), () -> carryOut(mail, now));
        return true;
    }

    private void carryOut(CommandMail mail, Instant now) {
        if (store.digests().commandHandled(mail.messageId())) {
            return;
        }
        List<OutgoingMail> answers = new ArrayList<>();
        String self = bot.address().address().toLowerCase(Locale.ROOT);
        if (mail.automatic() || mail.sender().equals(self) || mail.sender().isEmpty()) {
            LOG.info("command mailbox: <{}> from {} is automatic or the bot's own; not answered",
                    mail.messageId(), mail.sender());
        } else {
            MailCommand command = MailCommand.of(mail.subject(), mail.body());
            LOG.info("command mailbox: <{}> from {}: {}", mail.messageId(), mail.sender(), command);
            switch (command.kind()) {
                case SUBSCRIBE -> subscriptions.requestSubscription(mail.sender(), mail.body(), mail.messageId(), now)
                        .ifPresent(answers::add);
                case UNSUBSCRIBE -> subscriptions.requestUnsubscribe(mail.sender(), mail.messageId(), now)
                        .ifPresent(answers::add);
                case CONFIRM -> answers.add(answer(subscriptions.confirm(command.token(), now), mail, now));
                case UNSUBSCRIBE_WITH_TOKEN ->
                        answers.add(answer(subscriptions.unsubscribe(command.token(), now), mail, now));
                case NONE -> LOG.info("command mailbox: <{}> holds no command; ignored", mail.messageId());
            }
        }
        CrashPoint.reach("command-carried-out");
        for (OutgoingMail a : answers) {
            store.outbox().enqueue(renderer.render(a), "", "", now);
        }
        CrashPoint.reach("command-answer-queued");
        store.digests().markCommandHandled(mail.messageId(), now);
    }

    private OutgoingMail answer(Outcome outcome, CommandMail mail, Instant now) {
        // A refused token cannot be trusted to name anyone: the refusal goes to the sender. A
        // genuine one is answered to the subscriber it names.
        String to = outcome.result().refused() ? mail.sender() : outcome.address();
        return subscriptions.answer(outcome, to, mail.messageId(), now);
    }
}
