package org.lorebot.bot.delivery;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how to send.
 *
 * @param host     the SMTP server
 * @param port     its port
 * @param security how the connection is protected
 * @param user     the login, or empty for no authentication
 * @param password the login's password (required when {@code user} is given)
 * @param timeout  connect, read and write timeout
 */
public record SmtpSettings(String host, int port, SmtpSecurity security, Optional<String> user,
                           Optional<Secret> password, Duration timeout) {
    public SmtpSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("SMTP host is empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("SMTP port out of range: " + port);
        }
        Objects.requireNonNull(security, "security");
        user = user == null ? Optional.empty() : user.filter(u -> !u.isBlank());
        password = password == null ? Optional.empty() : password;
        if (user.isPresent() && password.isEmpty()) {
            throw new IllegalArgumentException("SMTP user " + user.get() + " is set but no password (file or environment)");
        }
        timeout = timeout == null ? Duration.ofSeconds(60) : timeout;
    }
}
