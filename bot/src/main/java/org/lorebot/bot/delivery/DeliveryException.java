package org.lorebot.bot.delivery;

/**
 * A mail could not be delivered. {@link #isTransient()} says whether trying again later may work
 * (server down, timeout, 4xx) or not (5xx rejection, bad address). {@link #isUncertain()} says
 * the server may hold the mail after all (the connection broke after the whole mail was sent
 * and before the server's answer): sending it again could post it twice.
 */
public final class DeliveryException extends Exception {

    private final boolean transientFailure;
    private final boolean uncertain;

    public DeliveryException(String message, boolean transientFailure, Throwable cause) {
        this(message, transientFailure, false, cause);
    }

    private DeliveryException(String message, boolean transientFailure, boolean uncertain, Throwable cause) {
        super(message, cause);
        this.transientFailure = transientFailure;
        this.uncertain = uncertain;
    }

    /** The mail may or may not have been accepted. */
    public static DeliveryException uncertain(String message) {
        return new DeliveryException(message, true, true, null);
    }

    public boolean isUncertain() {
        return uncertain;
    }

    public boolean isTransient() {
        return transientFailure;
    }
}
