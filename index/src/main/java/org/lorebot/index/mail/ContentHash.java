package org.lorebot.index.mail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What makes two deliveries the same mail, as public-inbox decides it: the headers that identify
 * a mail (subject, sender, recipients, date, references) and the body, not the Message-ID nor
 * headers relays add on the way. Two mails with one Message-ID and different content are two
 * mails; with the same content, one mail delivered twice.
 */
public final class ContentHash {

    /** Ends every derived id: a domain that can never belong to a real mailer. */
    static final String DERIVED_DOMAIN = "@lorebot.invalid";

    private ContentHash() {
    }

    /** The content hash of a message, lower-case hex (SHA-256). */
    public static String of(MailMessage m) {
        MessageDigest digest = sha256();
        field(digest, "subject", m.subject());
        field(digest, "from", m.from() == null ? "" : m.from().toString());
        field(digest, "to", String.valueOf(m.to()));
        field(digest, "cc", String.valueOf(m.cc()));
        field(digest, "date", m.date() == null ? "" : Long.toString(m.date().getEpochSecond()));
        field(digest, "references", String.join(" ", m.references()));
        field(digest, "body", m.body());
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * An id for a message that has none, or whose id another message already holds: derived
     * from its content and the id it claimed, so reading the same archive again gives the same
     * id and stores nothing twice.
     */
    public static String derivedId(MailMessage m) {
        MessageDigest digest = sha256();
        field(digest, "claimed", m.messageId());
        field(digest, "content", of(m));
        return HexFormat.of().formatHex(digest.digest(), 0, 16) + DERIVED_DOMAIN;
    }

    /** Whether an id is one {@link #derivedId} made, not one a mailer wrote. */
    public static boolean isDerived(String messageId) {
        return messageId != null && messageId.endsWith(DERIVED_DOMAIN);
    }

    private static void field(MessageDigest digest, String name, String value) {
        digest.update(name.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(value.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
