package org.lorebot.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The {@code [smtp]} section: the server replies are sent through in {@code send} mode. The password
 * is never held here: only where to find it, read by the bot when it connects.
 *
 * @param host         the SMTP server (default {@code localhost})
 * @param port         the port (default 587 for STARTTLS, 465 for SMTPS, 25 without TLS)
 * @param security     how the connection is protected (default STARTTLS)
 * @param user         the login name, empty for no authentication
 * @param passwordFile a file whose first line is the password, or null
 * @param passwordEnv  the name of an environment variable holding the password, empty when unset
 */
public record SmtpConfig(String host, int port, Security security, String user, Path passwordFile,
                         String passwordEnv) {

    /** Connection security. */
    public enum Security {
        /** Plain connection upgraded with STARTTLS, which must succeed. */
        STARTTLS,
        /** TLS from the first byte (SMTPS). */
        SMTPS,
        /** No TLS at all: only for a relay on the same machine. */
        NONE;

        /** The port this security is conventionally served on. */
        public int defaultPort() {
            return switch (this) {
                case STARTTLS -> 587;
                case SMTPS -> 465;
                case NONE -> 25;
            };
        }
    }

    public SmtpConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(security, "security");
        user = user == null ? "" : user;
        passwordEnv = passwordEnv == null ? "" : passwordEnv;
    }

    /** Whether a login is configured. */
    public boolean authenticates() {
        return !user.isEmpty();
    }
}
