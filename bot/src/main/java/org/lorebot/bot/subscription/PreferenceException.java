package org.lorebot.bot.subscription;

/** Digest preferences that cannot be accepted; the message names the key and what is wrong. */
public final class PreferenceException extends Exception {

    public PreferenceException(String message) {
        super(message);
    }
}
