package org.lorebot.bot.series;

import java.time.Instant;
import java.util.List;
import org.lorebot.index.mail.Address;
import org.lorebot.index.mail.MailMessage;

/** Patch mails laid out the way git format-patch and send-email write them. */
final class Mails {

    static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    private Mails() {
    }

    static String diff(String path, String removed, String added) {
        return "Signed-off-by: Dev One <dev@example.net>\n"
                + "---\n"
                + " " + path + " | 2 +-\n"
                + " 1 file changed, 1 insertion(+), 1 deletion(-)\n"
                + "\n"
                + "diff --git a/" + path + " b/" + path + "\n"
                + "index 1111111..2222222 100644\n"
                + "--- a/" + path + "\n"
                + "+++ b/" + path + "\n"
                + "@@ -10,3 +10,3 @@ static int foo_probe(struct device *dev)\n"
                + " \tint ret;\n"
                + "-" + removed + "\n"
                + "+" + added + "\n"
                + " \treturn 0;\n"
                + "-- \n"
                + "2.43.0\n";
    }

    static PatchMail mail(String id, String from, String subject, int minutes, String inReplyTo, String body) {
        List<String> refs = inReplyTo == null ? List.of() : List.of(inReplyTo);
        return PatchMail.of(new MailMessage(id, subject, new Address("", from), List.of(), List.of(),
                T0.plusSeconds(60L * minutes), inReplyTo, refs, null, body));
    }

    static PatchMail cover(String id, String from, String subject, int minutes, String extra) {
        return mail(id, from, subject, minutes, null, "This series does things.\n\n" + extra);
    }
}
