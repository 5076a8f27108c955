package org.lorebot.bot.subscription;

import java.util.Objects;

/**
 * What became of a confirmation or an unsubscribe, for the mail answer or the web page.
 *
 * @param result  what happened
 * @param address the subscriber concerned; empty when the token could not be trusted
 */
public record Outcome(Result result, String address) {

    /** What happened. */
    public enum Result {
        /** The subscription is now active. */
        CONFIRMED,
        /** The token was genuine but no request is waiting for it (confirmed already, or replaced). */
        NOTHING_PENDING,
        /** The subscription is ended (or would be, for a preview). */
        UNSUBSCRIBED,
        /** The address has no subscription to end. */
        NOT_SUBSCRIBED,
        /** Refused: the token is not genuine. */
        FORGED,
        /** Refused: the token is genuine but too old. */
        EXPIRED,
        /** Refused: not a token, or a token for something else. */
        INVALID;

        /** Whether the token was refused. */
        public boolean refused() {
            return this == FORGED || this == EXPIRED || this == INVALID;
        }
    }

    public Outcome {
        Objects.requireNonNull(result, "result");
        address = address == null ? "" : address;
    }

    static Outcome refused(TokenException e) {
        return new Outcome(switch (e.reason()) {
            case FORGED -> Result.FORGED;
            case EXPIRED -> Result.EXPIRED;
            case MALFORMED, WRONG_PURPOSE -> Result.INVALID;
        }, "");
    }

    /** One sentence for the person concerned. */
    public String describe() {
        return switch (result) {
            case CONFIRMED -> address + " is now subscribed to lorebot digests.";
            case NOTHING_PENDING -> "No subscription request of " + address + " is waiting for this"
                    + " confirmation; it was confirmed already or replaced by a later request.";
            case UNSUBSCRIBED -> address + " is unsubscribed from lorebot digests; no more will be sent.";
            case NOT_SUBSCRIBED -> address + " has no lorebot digest subscription.";
            case FORGED -> "This link or token is not one lorebot made; nothing was changed.";
            case EXPIRED -> "This link or token has expired; nothing was changed. Ask again by mail.";
            case INVALID -> "This is not a valid lorebot token for that; nothing was changed.";
        };
    }
}
