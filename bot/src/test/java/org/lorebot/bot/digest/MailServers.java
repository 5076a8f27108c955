package org.lorebot.bot.digest;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The SMTP and IMAP server the digest cycle tests talk to: GreenMail on loopback, with the
 * bot's mailbox (user {@code lorebot}, password {@code s3cret}).
 */
final class MailServers {

    private MailServers() {
    }

    /**
     * A started GreenMail with SMTP and IMAP and the bot's mailbox. The servers bind ports of
     * their own choosing: a port probed free beforehand can be taken by the time they bind.
     */
    static GreenMail start() {
        GreenMail mail = new GreenMail(new ServerSetup[] {
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort(),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort()})
                .withConfiguration(GreenMailConfiguration.aConfig()
                        .withUser("lorebot@example.org", "lorebot", "s3cret"));
        mail.start();
        return mail;
    }

    /**
     * The {@code [smtp]} and {@code [commands]} sections that point the bot at SMTP on
     * {@code smtpPort} (the server's own, or a proxy standing in front of it) and at IMAP on
     * {@code imapPort}; the password is read from {@code imap-password} in the data directory.
     */
    static String botSections(int smtpPort, int imapPort) {
        return """
                [smtp]
                    host = 127.0.0.1
                    port = %d
                    security = none
                [commands]
                    imap-host = 127.0.0.1
                    imap-port = %d
                    security = none
                    user = lorebot
                    password-file = imap-password
                """.formatted(smtpPort, imapPort);
    }
}
