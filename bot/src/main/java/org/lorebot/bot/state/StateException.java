package org.lorebot.bot.state;

/** The state file could not be read or written; the message names the file and the step. */
public final class StateException extends RuntimeException {

    public StateException(String message, Throwable cause) {
        super(message, cause);
    }
}
