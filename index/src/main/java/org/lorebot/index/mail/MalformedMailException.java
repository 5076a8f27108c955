package org.lorebot.index.mail;

/**
 * A message lorebot cannot index, with the reason (e.g. "no Message-ID"). The caller logs it with
 * where the message came from, skips it and goes on.
 */
public class MalformedMailException extends Exception {

    private static final long serialVersionUID = 1L;

    public MalformedMailException(String reason) {
        super(reason);
    }

    public MalformedMailException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
