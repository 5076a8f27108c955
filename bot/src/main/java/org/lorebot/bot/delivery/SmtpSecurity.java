package org.lorebot.bot.delivery;

/** How the SMTP connection is protected. */
public enum SmtpSecurity {
    /** Plain connection upgraded with STARTTLS; refuses to go on without it. */
    STARTTLS,
    /** TLS from the first byte (usually port 465). */
    SMTPS,
    /** No encryption: only for a relay on the same host or a test server. */
    NONE
}
