package org.lorebot.bot.commands;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Objects;
import org.lorebot.bot.delivery.Secret;
import org.lorebot.config.CommandsConfig;

/**
 * Where the command mailbox is and how to log in.
 *
 * @param host     the IMAP server
 * @param port     its port
 * @param security how the connection is protected
 * @param user     the login
 * @param password its password
 * @param folder   the folder commands arrive in
 * @param timeout  connect and read timeout
 */
public record ImapSettings(String host, int port, CommandsConfig.Security security, String user, Secret password,
                           String folder, Duration timeout) {

    public ImapSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("IMAP host is empty");
        }
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        folder = folder == null || folder.isBlank() ? "INBOX" : folder;
        timeout = timeout == null ? Duration.ofSeconds(60) : timeout;
    }

    /** The settings of a {@code [commands]} section; reads the password file. */
    public static ImapSettings of(CommandsConfig c) {
        if (!c.enabled()) {
            throw new IllegalArgumentException("no command mailbox configured ([commands] imap-host)");
        }
        String password;
        try {
            password = Files.readString(c.passwordFile(), StandardCharsets.UTF_8).lines().findFirst().orElse("");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read IMAP password file " + c.passwordFile() + ": "
                    + e.getClass().getSimpleName(), e);
        }
        if (password.isEmpty()) {
            throw new IllegalArgumentException("IMAP password file " + c.passwordFile() + " is empty");
        }
        return new ImapSettings(c.imapHost(), c.imapPort(), c.security(), c.user(), Secret.of(password),
                c.folder(), null);
    }
}
