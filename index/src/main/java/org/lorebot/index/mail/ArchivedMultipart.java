package org.lorebot.index.mail;

import java.io.InputStream;

import jakarta.activation.DataSource;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMultipart;

/** A MimeMultipart whose body part headers are read by {@link HeaderLines}. */
final class ArchivedMultipart extends MimeMultipart {

    ArchivedMultipart(DataSource source) throws MessagingException {
        super(source);
    }

    @Override
    protected InternetHeaders createInternetHeaders(InputStream in) throws MessagingException {
        return HeaderLines.read(in);
    }
}
