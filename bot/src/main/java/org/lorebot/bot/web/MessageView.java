package org.lorebot.bot.web;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.lorebot.index.mail.Address;
import org.lorebot.index.mail.MailMessage;

/** One message as HTML: its headers and its body, as text in {@code <pre>}. */
final class MessageView {

    static final DateTimeFormatter RFC_DATE = DateTimeFormatter
            .ofPattern("EEE, d MMM yyyy HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private MessageView() {
    }

    /** The headers a reader needs, one per line, for a {@code <pre>}; {@code raw} gives the sender's zone. */
    static String headers(MailMessage m, String list, byte[] raw) {
        StringBuilder out = new StringBuilder();
        out.append("From: ").append(Html.escape(m.from().toString())).append('\n');
        addresses("To", m.to(), out);
        addresses("Cc", m.cc(), out);
        out.append("Subject: <b>").append(Html.escape(m.subject())).append("</b>\n");
        out.append("Date: ").append(SenderDate.format(m.date(), raw)).append('\n');
        out.append("Message-ID: &lt;").append(Html.escape(m.messageId())).append("&gt;\n");
        if (m.inReplyTo() != null) {
            out.append("In-Reply-To: <a href=\"").append(Links.message(list, m.inReplyTo()))
                    .append("\">&lt;").append(Html.escape(m.inReplyTo())).append("&gt;</a>\n");
        }
        return out.toString();
    }

    private static void addresses(String name, List<Address> list, StringBuilder out) {
        if (list.isEmpty()) {
            return;
        }
        out.append(name).append(": ");
        for (int i = 0; i < list.size(); i++) {
            out.append(i == 0 ? "" : ",\n    ").append(Html.escape(list.get(i).toString()));
        }
        out.append('\n');
    }

    /** The body, for a {@code <pre>}. */
    static String body(MailMessage m) {
        return MailBodyView.render(m.body(), Links.anchor(m.messageId()) + "-");
    }
}
