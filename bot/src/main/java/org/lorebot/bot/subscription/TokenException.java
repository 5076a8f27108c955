package org.lorebot.bot.subscription;

/** A token that is refused, and why. */
public final class TokenException extends Exception {

    /** Why a token was refused. */
    public enum Reason {
        /** Not a lorebot token at all. */
        MALFORMED,
        /** The signature does not match: altered, made up, or signed with another key. */
        FORGED,
        /** Genuine but too old. */
        EXPIRED,
        /** Genuine but for another purpose. */
        WRONG_PURPOSE
    }

    private final Reason reason;

    public TokenException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
