package org.lorebot.bot.review;

import java.util.Locale;

/** Whom a review goes to: everyone on the original (kernel custom) or only its author. */
public enum ReplyTarget {
    /** The author in To; the original's To and Cc and the list in Cc. */
    ALL,
    /** The author alone, for lists that ask bots to keep off the list. */
    AUTHOR;

    /** Parses {@code all} or {@code author}, in any case. */
    public static ReplyTarget parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "all" -> ALL;
            case "author" -> AUTHOR;
            default -> throw new IllegalArgumentException(
                    "unknown reply target '" + text + "' (expected all or author)");
        };
    }
}
