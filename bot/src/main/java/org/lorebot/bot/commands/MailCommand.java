package org.lorebot.bot.commands;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lorebot.bot.subscription.TokenPurpose;
import org.lorebot.bot.subscription.TokenSigner;

/**
 * What a command mail asks for. A token anywhere in the subject or the body (a reply to a
 * confirmation, a {@code mailto:} unsubscribe link) decides; otherwise the word
 * {@code unsubscribe} or {@code subscribe} in the subject or the first line of the body.
 *
 * @param kind  the request
 * @param token the token carried, empty when none
 */
public record MailCommand(Kind kind, String token) {

    /** The requests lorebot understands by mail. */
    public enum Kind {
        /** Subscribe the sender; the body holds the preferences. */
        SUBSCRIBE,
        /** Unsubscribe the sender, after a confirmation. */
        UNSUBSCRIBE,
        /** Confirm a subscription with its token. */
        CONFIRM,
        /** Unsubscribe the token's address at once. */
        UNSUBSCRIBE_WITH_TOKEN,
        /** Not a command. */
        NONE
    }

    private static final Pattern UNSUBSCRIBE = Pattern.compile("\\bunsubscribe\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern SUBSCRIBE = Pattern.compile("\\bsubscribe\\b", Pattern.CASE_INSENSITIVE);

    public MailCommand {
        Objects.requireNonNull(kind, "kind");
        token = token == null ? "" : token;
    }

    public static MailCommand of(String subject, String body) {
        Matcher t = TokenSigner.IN_TEXT.matcher(subject + "\n" + body);
        if (t.find()) {
            TokenPurpose purpose = TokenSigner.claimedPurpose(t.group());
            return new MailCommand(purpose == TokenPurpose.UNSUBSCRIBE ? Kind.UNSUBSCRIBE_WITH_TOKEN : Kind.CONFIRM,
                    t.group());
        }
        String firstLine = body.strip().lines().findFirst().orElse("");
        String words = subject + "\n" + firstLine;
        if (UNSUBSCRIBE.matcher(words).find()) {
            return new MailCommand(Kind.UNSUBSCRIBE, "");
        }
        if (SUBSCRIBE.matcher(words).find()) {
            return new MailCommand(Kind.SUBSCRIBE, "");
        }
        return new MailCommand(Kind.NONE, "");
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(Locale.ROOT) + (token.isEmpty() ? "" : " (with token)");
    }
}
