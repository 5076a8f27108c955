package org.lorebot.bot.policy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lorebot.index.mail.Address;
import org.lorebot.index.mail.MailMessage;

/**
 * Reads {@code #lorebot ignore DMA0NN} commands from a reply to one of the bot's reviews. A
 * command counts only on an unquoted line (the bot's own footer, quoted back, must not silence
 * anything) and only from the patch author or a configured maintainer.
 */
public final class IgnoreCommand {

    /** What a mail said to the bot. */
    public enum Status {
        /** Not a reply to the bot, or no command in it. */
        NONE,
        /** Commands from someone allowed to give them. */
        ACCEPTED,
        /** Commands from someone else, or malformed ones; the reason says which. */
        REJECTED
    }

    /**
     * @param status  what became of the mail
     * @param ruleIds for {@link Status#ACCEPTED}, the rules to silence (upper case, in order)
     * @param by      the sender
     * @param reason  for {@link Status#REJECTED}, why
     */
    public record Result(Status status, List<String> ruleIds, String by, String reason) {
        public Result {
            ruleIds = List.copyOf(ruleIds);
        }
    }

    private static final Pattern COMMAND = Pattern.compile("^\\s*#lorebot\\b(.*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern IGNORE = Pattern.compile("^\\s+ignore\\s+([A-Za-z]+\\d+)\\s*$", Pattern.CASE_INSENSITIVE);

    private IgnoreCommand() {
    }

    /**
     * @param mail        a mail that may answer one of the bot's reviews
     * @param isBotReview whether a Message-ID is one of the bot's reviews
     * @param patchAuthor the author of the patch that review answered
     * @param maintainers addresses allowed to give commands besides the author
     */
    public static Result read(MailMessage mail, Predicate<String> isBotReview, Address patchAuthor,
                              Set<String> maintainers) {
        String by = mail.from().address().strip().toLowerCase(Locale.ROOT);
        if (mail.inReplyTo() == null || !isBotReview.test(mail.inReplyTo())) {
            return new Result(Status.NONE, List.of(), by, "");
        }
        Set<String> rules = new LinkedHashSet<>();
        List<String> malformed = new ArrayList<>();
        for (String line : mail.body().split("\n")) {
            if (line.startsWith(">")) {
                continue;
            }
            Matcher c = COMMAND.matcher(line);
            if (!c.matches()) {
                continue;
            }
            Matcher ignore = IGNORE.matcher(c.group(1));
            if (ignore.matches()) {
                rules.add(ignore.group(1).toUpperCase(Locale.ROOT));
            } else {
                malformed.add(line.strip());
            }
        }
        if (rules.isEmpty() && malformed.isEmpty()) {
            return new Result(Status.NONE, List.of(), by, "");
        }
        boolean allowed = by.equalsIgnoreCase(patchAuthor.address().strip())
                || maintainers.stream().anyMatch(m -> m.equalsIgnoreCase(by));
        if (!allowed) {
            return new Result(Status.REJECTED, List.of(), by,
                    by + " is neither the patch author (" + patchAuthor.address() + ") nor a maintainer");
        }
        if (!malformed.isEmpty()) {
            return new Result(Status.REJECTED, List.of(), by, "not understood: " + String.join("; ", malformed)
                    + " (expected \"#lorebot ignore <rule id>\")");
        }
        return new Result(Status.ACCEPTED, List.copyOf(rules), by, "");
    }
}
