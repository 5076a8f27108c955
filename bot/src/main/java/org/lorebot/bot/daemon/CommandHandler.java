package org.lorebot.bot.daemon;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.lorebot.bot.policy.IgnoreCommand;
import org.lorebot.bot.state.ReplyRecord;
import org.lorebot.bot.state.Silence;
import org.lorebot.bot.state.StateStore;
import org.lorebot.index.MailIndex;
import org.lorebot.index.mail.Address;
import org.lorebot.index.mail.MailMessage;
import org.lorebot.index.store.StoredMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Applies {@code #lorebot ignore} commands found in replies to the bot's reviews. */
final class CommandHandler {

    private static final Logger LOG = LoggerFactory.getLogger(CommandHandler.class);

    private final StateStore state;
    private final MailIndex index;
    private final Set<String> maintainers;

    CommandHandler(StateStore state, MailIndex index, Set<String> maintainers) {
        this.state = state;
        this.index = index;
        this.maintainers = Set.copyOf(maintainers);
    }

    /** Whether {@code mail} answered one of the bot's reviews with a command (applied or not). */
    boolean handle(MailMessage mail, String list, Instant now) throws IOException {
        if (mail.inReplyTo() == null) {
            return false;
        }
        Optional<ReplyRecord> review = state.ownReply(mail.inReplyTo());
        if (review.isEmpty()) {
            return false;
        }
        Address author = index.message(review.get().patchMessageId()).map(StoredMessage::message)
                .map(MailMessage::from).orElse(new Address("", ""));
        IgnoreCommand.Result result = IgnoreCommand.read(mail, state::isOwnReply, author, maintainers);
        switch (result.status()) {
            case NONE -> {
                return false;
            }
            case REJECTED -> {
                LOG.warn("{} on {}: #lorebot command rejected: {}", mail.messageId(), list, result.reason());
                state.recordDecision(mail.messageId(), list, "command-rejected", result.reason(), now);
            }
            case ACCEPTED -> {
                for (String rule : result.ruleIds()) {
                    state.silence(new Silence(review.get().seriesKey(), rule, result.by(), mail.messageId(), now));
                }
                LOG.info("{} on {}: {} silenced {} for series {}", mail.messageId(), list, result.by(),
                        result.ruleIds(), review.get().seriesKey());
                state.recordDecision(mail.messageId(), list, "command", "ignore " + result.ruleIds(), now);
            }
        }
        return true;
    }
}
