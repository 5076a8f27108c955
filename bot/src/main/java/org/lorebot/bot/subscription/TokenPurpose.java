package org.lorebot.bot.subscription;

/** What a signed token allows. A token for one purpose is refused for the other. */
public enum TokenPurpose {
    /** Confirms a subscription request made by mail. */
    CONFIRM('c'),
    /** Ends a subscription: the one-click link of a digest, or the answer to an unsubscribe mail. */
    UNSUBSCRIBE('u');

    private final char code;

    TokenPurpose(char code) {
        this.code = code;
    }

    char code() {
        return code;
    }

    static TokenPurpose ofCode(char c) {
        for (TokenPurpose p : values()) {
            if (p.code == c) {
                return p;
            }
        }
        return null;
    }
}
