package org.lorebot.bot.series;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lorebot.index.mail.MailMessage;

/**
 * The real labelled messages kept with the analyzers' tests (the same files as
 * /work/shared/corpus/labeled), read into {@link MailMessage}s with Jakarta Mail for tests of
 * the bot's decisions on real mail.
 */
public final class LabeledCorpus {

    /** Where the files are, relative to the bot module (Maven runs tests there). */
    public static final Path DIR = Path.of("..", "analyzers", "src", "test", "resources", "corpus", "labeled");

    private static final Pattern ID = Pattern.compile("<([^<>\\s]+)>");

    private LabeledCorpus() {
    }

    /** The label rows: file, kind (patch, cover, reply), expected rules. */
    public static List<String[]> labels() throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(DIR.resolve("labels.tsv"))) {
            if (!line.isBlank() && !line.startsWith("file\t")) {
                rows.add(line.split("\t"));
            }
        }
        return rows;
    }

    public static MailMessage read(String file) throws IOException, MessagingException {
        try (InputStream in = Files.newInputStream(DIR.resolve(file))) {
            MimeMessage m = new MimeMessage(Session.getInstance(new Properties()), in);
            List<String> refs = ids(m.getHeader("References", " "));
            List<String> irt = ids(m.getHeader("In-Reply-To", " "));
            String messageId = ids(m.getHeader("Message-ID", null)).get(0);
            return new MailMessage(messageId, m.getSubject(), first(m.getFrom()),
                    addresses(m.getRecipients(Message.RecipientType.TO)),
                    addresses(m.getRecipients(Message.RecipientType.CC)),
                    m.getSentDate().toInstant(), irt.isEmpty() ? null : irt.get(0), refs, null,
                    text(m).replace("\r\n", "\n"));
        }
    }

    private static List<String> ids(String header) {
        List<String> out = new ArrayList<>();
        if (header != null) {
            Matcher matcher = ID.matcher(header);
            while (matcher.find()) {
                if (!out.contains(matcher.group(1))) {
                    out.add(matcher.group(1));
                }
            }
        }
        return out;
    }

    private static org.lorebot.index.mail.Address first(Address[] from) {
        return addresses(from).get(0);
    }

    private static List<org.lorebot.index.mail.Address> addresses(Address[] list) {
        List<org.lorebot.index.mail.Address> out = new ArrayList<>();
        if (list != null) {
            for (Address a : list) {
                InternetAddress ia = (InternetAddress) a;
                out.add(new org.lorebot.index.mail.Address(ia.getPersonal(), ia.getAddress()));
            }
        }
        return out;
    }

    private static String text(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return part.getContent().toString();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) part.getContent();
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart bp = mp.getBodyPart(i);
                sb.append(text(bp));
            }
            return sb.toString();
        }
        return "";
    }
}
