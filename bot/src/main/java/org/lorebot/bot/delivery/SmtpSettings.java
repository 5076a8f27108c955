package org.lorebot.bot.delivery;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.lorebot.config.SmtpConfig.Security;
import org.lorebot.config.SmtpConfig;

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
public record SmtpSettings(String host, int port, Security security, Optional<String> user,
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

    /**
     * The settings of an {@code [smtp]} section, reading the password from its file or from the
     * environment variable it names.
     *
     * @throws IllegalArgumentException when a login is configured but its password cannot be had
     */
    public static SmtpSettings from(SmtpConfig smtp, Map<String, String> environment) {
        Optional<Secret> password = Optional.empty();
        if (smtp.passwordFile() != null) {
            password = Optional.of(Secret.fromFile(smtp.passwordFile()));
        } else if (!smtp.passwordEnv().isEmpty()) {
            password = Optional.of(Secret.fromEnvironment(smtp.passwordEnv(), environment));
        }
        return new SmtpSettings(smtp.host(), smtp.port(), smtp.security(),
                smtp.authenticates() ? Optional.of(smtp.user()) : Optional.empty(), password, null);
    }
}
