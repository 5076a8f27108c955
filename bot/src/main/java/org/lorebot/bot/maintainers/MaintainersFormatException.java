package org.lorebot.bot.maintainers;

/** A MAINTAINERS file lorebot cannot use; the message names the file and line. */
public final class MaintainersFormatException extends Exception {

    private final int line;

    public MaintainersFormatException(String source, int line, String problem, Throwable cause) {
        super(source + ":" + line + ": " + problem, cause);
        this.line = line;
    }

    /** The 1-based line of the problem. */
    public int line() {
        return line;
    }
}
