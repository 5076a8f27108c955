package org.lorebot.bot.web;

/**
 * A request the archive cannot answer as asked (bad message id, unknown list, bad query...): the
 * status and a message for the person who made it, shown on the error page.
 */
public final class WebException extends Exception {

    private final int status;

    public WebException(int status, String message) {
        super(message);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("not an error status: " + status);
        }
        this.status = status;
    }

    /** 404 with a message. */
    public static WebException notFound(String message) {
        return new WebException(404, message);
    }

    /** 400 with a message. */
    public static WebException badRequest(String message) {
        return new WebException(400, message);
    }

    public int status() {
        return status;
    }
}
