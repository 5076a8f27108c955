package org.lorebot.bot.policy;

/** Why the policy decided as it did; the words appear in logs. */
public enum Reason {
    LIST_NOT_ALLOWED("the bot may not post to this list"),
    OWN_MAIL("the bot's own mail"),
    IGNORED_SENDER("the sender is on the ignore list"),
    REPLY("a reply, not a patch"),
    COVER_LETTER("a cover letter"),
    NO_DIFF("no diff in the body"),
    ALREADY_ANSWERED("this patch version was already answered"),
    EMBARGO("still under embargo"),
    NOTHING_TO_REPORT("no finding worth a mail"),
    HOURLY_LIMIT("the hourly reply limit is reached"),
    DAILY_LIST_LIMIT("the daily reply limit for this list is reached"),
    ADMITTED("a patch the bot may review"),
    REPORT("findings to report");

    private final String words;

    Reason(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }
}
