package org.lorebot.bot.policy;

/** What to do with a patch. */
public enum Verdict {
    /** Answer it now. */
    REVIEW,
    /** Never answer it. */
    SKIP,
    /** Not yet: ask again later (embargo, rate limit). */
    WAIT
}
