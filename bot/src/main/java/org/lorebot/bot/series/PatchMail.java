package org.lorebot.bot.series;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lorebot.analyzers.patch.Patch;
import org.lorebot.analyzers.patch.PatchParser;
import org.lorebot.analyzers.patch.SubjectTags;
import org.lorebot.index.mail.MailMessage;

/** A mail and the patch (or cover letter) it carries. */
public record PatchMail(MailMessage message, Patch patch) {

    private static final Pattern CHANGE_ID_LINE = Pattern.compile("(?mi)^change-id: (\\S+)\\s*$");
    public PatchMail {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(patch, "patch");
    }

    /** Parses the mail's subject and body. */
    public static PatchMail of(MailMessage message) {
        return new PatchMail(message, PatchParser.parse(message.subject(), message.patchText()));
    }

    public SubjectTags tags() {
        return patch.tags();
    }

    public String messageId() {
        return message.messageId();
    }

    /** The sender's address in lower case. */
    public String sender() {
        return message.from().address().strip().toLowerCase(Locale.ROOT);
    }

    /** The first message of the thread this mail belongs to, as its References tell. */
    public String threadRoot() {
        return message.references().isEmpty()
                ? (message.inReplyTo() != null ? message.inReplyTo() : message.messageId())
                : message.references().get(0);
    }

    /**
     * b4's change-id: a trailer of the patch, or the {@code change-id:} line b4 writes below
     * the {@code ---} of a cover letter, which has no diff for the parser to anchor it to.
     */
    public Optional<String> changeId() {
        Optional<String> id = patch.changeId();
        if (id.isPresent()) {
            return id;
        }
        Matcher m = CHANGE_ID_LINE.matcher(message.body());
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    public Optional<String> patchId() {
        return Optional.ofNullable(patch.patchId());
    }
}
