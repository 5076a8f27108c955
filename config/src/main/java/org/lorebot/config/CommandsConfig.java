package org.lorebot.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The {@code [commands]} section: the IMAP mailbox the bot reads {@code subscribe},
 * {@code unsubscribe} and confirmation mail from. Off while {@code imap-host} is empty.
 *
 * @param imapHost     the IMAP server, empty when mail commands are off (the default)
 * @param imapPort     the port (default 993 for IMAPS, 143 otherwise)
 * @param security     how the connection is protected (default IMAPS)
 * @param user         the login name (required with a host)
 * @param passwordFile a file whose first line is the password (required with a host)
 * @param folder       the folder commands arrive in (default {@code INBOX})
 */
public record CommandsConfig(String imapHost, int imapPort, Security security, String user,
                             Path passwordFile, String folder) {

    /** Connection security. */
    public enum Security {
        /** TLS from the first byte. */
        IMAPS,
        /** Plain connection upgraded with STARTTLS, which must succeed. */
        STARTTLS,
        /** No TLS: only for a server on the same machine. */
        NONE;

        public int defaultPort() {
            return this == IMAPS ? 993 : 143;
        }
    }

    public CommandsConfig {
        imapHost = imapHost == null ? "" : imapHost;
        Objects.requireNonNull(security, "security");
        user = user == null ? "" : user;
        folder = folder == null || folder.isEmpty() ? "INBOX" : folder;
    }

    /** The documented defaults: mail commands off. */
    public static CommandsConfig defaults() {
        return new CommandsConfig("", Security.IMAPS.defaultPort(), Security.IMAPS, "", null, "INBOX");
    }

    /** Whether a command mailbox is configured. */
    public boolean enabled() {
        return !imapHost.isEmpty();
    }
}
