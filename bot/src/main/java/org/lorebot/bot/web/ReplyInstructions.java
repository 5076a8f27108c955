package org.lorebot.bot.web;

import java.util.LinkedHashSet;
import java.util.Set;

import org.lorebot.config.InboxConfig;
import org.lorebot.config.LorebotConfig;
import org.lorebot.index.mail.Address;
import org.lorebot.index.mail.MailMessage;

/**
 * How to answer a message on the list: the {@code git send-email} options that thread a reply
 * under it with everyone on it, and a {@code mailto:} link carrying the same headers.
 */
final class ReplyInstructions {

    private ReplyInstructions() {
    }

    static String render(MailMessage m, String list, LorebotConfig config) {
        String to = m.from().address();
        Set<String> cc = new LinkedHashSet<>();
        for (Address a : m.to()) {
            cc.add(a.address());
        }
        for (Address a : m.cc()) {
            cc.add(a.address());
        }
        config.inbox(list).map(InboxConfig::address).filter(a -> !a.isEmpty()).ifPresent(cc::add);
        cc.removeIf(a -> a.isBlank() || a.equalsIgnoreCase(to));
        String subject = m.subject().regionMatches(true, 0, "Re:", 0, 3) ? m.subject() : "Re: " + m.subject();

        StringBuilder sendEmail = new StringBuilder("  git send-email \\\n    --in-reply-to=")
                .append(quoted(m.messageId())).append(" \\\n");
        if (!to.isBlank()) {
            sendEmail.append("    --to=").append(quoted(to)).append(" \\\n");
        }
        for (String a : cc) {
            sendEmail.append("    --cc=").append(quoted(a)).append(" \\\n");
        }
        sendEmail.append("    /path/to/YOUR_REPLY\n");

        StringBuilder mailto = new StringBuilder("mailto:").append(mailtoPart(to))
                .append("?In-Reply-To=").append(mailtoPart("<" + m.messageId() + ">"));
        if (!cc.isEmpty()) {
            mailto.append("&Cc=").append(mailtoPart(String.join(",", cc)));
        }
        mailto.append("&Subject=").append(mailtoPart(subject));

        return "<section id=\"reply\"><h2>Replying</h2>\n<p>Answer on the list in plain text, quoting"
                + " below what you answer. With git, write the reply to a file and send it with:</p>\n<pre>"
                + Html.escape(sendEmail.toString()) + "</pre>\n<p>Or <a href=\""
                + Html.escape(mailto.toString()) + "\">reply with your mail program</a> (a mailto: link with "
                + "In-Reply-To, Cc and Subject set), or import the <a href=\"t.mbox.gz\">thread's mbox</a> "
                + "and reply to all from there.</p></section>\n";
    }

    /** Percent-encoded for a mailto: URL, '+' too (some mail programs read it as a space). */
    private static String mailtoPart(String value) {
        return PercentCoding.encode(value).replace("+", "%2B");
    }

    /** {@code value} in single quotes for a POSIX shell. */
    private static String quoted(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
