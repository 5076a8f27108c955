package org.lorebot.index.mail;

import java.io.InputStream;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;

/** A MimeMessage over shared bytes whose headers are read by {@link HeaderLines}. */
final class ArchivedMessage extends MimeMessage {

    ArchivedMessage(Session session, byte[] raw) throws MessagingException {
        super(session, new SharedBytes(raw));
    }

    @Override
    protected InternetHeaders createInternetHeaders(InputStream in) throws MessagingException {
        return HeaderLines.read(in);
    }
}
