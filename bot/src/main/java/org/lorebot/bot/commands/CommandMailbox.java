package org.lorebot.bot.commands;

import jakarta.mail.Address;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Predicate;
import org.lorebot.bot.crash.CrashPoint;
import org.lorebot.index.mail.MailMessage;
import org.lorebot.index.mail.MailParser;
import org.lorebot.index.mail.MalformedMailException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's command mailbox, read over IMAP with Jakarta Mail. Each pass opens the folder, hands
 * every unread mail to a handler and marks it read once handled; a mail the handler could not
 * deal with stays unread for the next pass. Mail that does not parse is logged, marked read and
 * skipped.
 */
public final class CommandMailbox {

    private static final Logger LOG = LoggerFactory.getLogger(CommandMailbox.class);

    private final ImapSettings settings;
    private final Session session;
    private final MailParser parser = new MailParser();

    public CommandMailbox(ImapSettings settings) {
        this.settings = settings;
        this.session = Session.getInstance(properties(settings));
    }

    static Properties properties(ImapSettings s) {
        String protocol = protocol(s);
        String p = "mail." + protocol + ".";
        Properties props = new Properties();
        props.setProperty("mail.store.protocol", protocol);
        props.setProperty(p + "host", s.host());
        props.setProperty(p + "port", Integer.toString(s.port()));
        String millis = Long.toString(s.timeout().toMillis());
        props.setProperty(p + "connectiontimeout", millis);
        props.setProperty(p + "timeout", millis);
        // Fetch without setting \Seen: only a handled command is marked read.
        props.setProperty(p + "peek", "true");
        switch (s.security()) {
            case STARTTLS -> {
                props.setProperty(p + "starttls.enable", "true");
                props.setProperty(p + "starttls.required", "true");
                props.setProperty(p + "ssl.checkserveridentity", "true");
            }
            case IMAPS -> props.setProperty(p + "ssl.checkserveridentity", "true");
            case NONE -> props.setProperty(p + "starttls.enable", "false");
        }
        return props;
    }

    private static String protocol(ImapSettings s) {
        return s.security() == org.lorebot.config.CommandsConfig.Security.IMAPS ? "imaps" : "imap";
    }

    /**
     * Hands each unread mail to {@code handler}; those it returns true for are marked read.
     *
     * @return how many mails were handled
     * @throws IOException when the mailbox cannot be reached or read
     */
    public int process(Predicate<CommandMail> handler) throws IOException {
        int handled = 0;
        try (Store store = session.getStore(protocol(settings))) {
            store.connect(settings.host(), settings.port(), settings.user(), settings.password().reveal());
            Folder folder = store.getFolder(settings.folder());
            if (!folder.exists()) {
                throw new IOException("IMAP folder " + settings.folder() + " does not exist at " + where());
            }
            folder.open(Folder.READ_WRITE);
            try {
                Message[] unread = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
                for (Message m : unread) {
                    CommandMail mail;
                    try {
                        mail = read((MimeMessage) m);
                    } catch (MessagingException | IOException | MalformedMailException e) {
                        LOG.warn("command mail #{} does not parse, skipped: {}", m.getMessageNumber(), e.getMessage());
                        m.setFlag(Flags.Flag.SEEN, true);
                        continue;
                    }
                    CrashPoint.reach("command-read");
                    if (handler.test(mail)) {
                        CrashPoint.reach("command-handled");
                        m.setFlag(Flags.Flag.SEEN, true);
                        CrashPoint.reach("command-seen");
                        handled++;
                    }
                }
            } finally {
                folder.close(false);
            }
        } catch (MessagingException e) {
            throw new IOException("cannot read the command mailbox " + settings.folder() + " at " + where() + ": "
                    + e.getMessage(), e);
        }
        return handled;
    }

    private CommandMail read(MimeMessage m) throws MessagingException, IOException, MalformedMailException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        m.writeTo(raw);
        MailMessage parsed = parser.parse(raw.toByteArray());
        Address[] from = m.getFrom();
        String sender = from != null && from.length > 0 && from[0] instanceof InternetAddress ia
                ? ia.getAddress().toLowerCase(Locale.ROOT) : "";
        return new CommandMail(parsed.messageId(), sender, parsed.subject(), parsed.body(), automatic(m, sender));
    }

    private static boolean automatic(MimeMessage m, String sender) throws MessagingException {
        String auto = m.getHeader("Auto-Submitted", null);
        if (auto != null && !auto.strip().toLowerCase(Locale.ROOT).startsWith("no")) {
            return true;
        }
        String precedence = m.getHeader("Precedence", null);
        if (precedence != null && precedence.strip().toLowerCase(Locale.ROOT).matches("bulk|junk|list")) {
            return true;
        }
        String local = sender.contains("@") ? sender.substring(0, sender.indexOf('@')) : sender;
        return sender.isEmpty() || local.equals("mailer-daemon") || local.equals("postmaster");
    }

    private String where() {
        return settings.host() + ":" + settings.port();
    }
}
