package org.lorebot.bot.delivery;

/**
 * A mail could not be delivered. {@link #isTransient()} says whether trying again later may work
 * (server down, timeout, 4xx) or not (5xx rejection, bad address).
 */
public final class DeliveryException extends Exception {

    private final boolean transientFailure;

    public DeliveryException(String message, boolean transientFailure, Throwable cause) {
        super(message, cause);
        this.transientFailure = transientFailure;
    }

    public boolean isTransient() {
        return transientFailure;
    }
}
