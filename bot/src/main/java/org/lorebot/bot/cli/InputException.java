package org.lorebot.bot.cli;

/**
 * Something the user gave that lorebot cannot work with (a bad query, an unknown Message-ID, a
 * source that is not an archive). Printed as {@code lorebot: MESSAGE}, exit code 2, no stack trace.
 */
public final class InputException extends RuntimeException {

    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
