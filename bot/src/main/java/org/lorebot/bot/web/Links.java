package org.lorebot.bot.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The archive's URLs, laid out as lore.kernel.org's so a lore link works with the host swapped. */
final class Links {

    private Links() {
    }

    /** {@code /<list>/} */
    static String list(String list) {
        return "/" + PercentCoding.encode(list) + "/";
    }

    /** {@code /<list>/<message-id>/} */
    static String message(String list, String messageId) {
        return list(list) + PercentCoding.encode(messageId) + "/";
    }

    /** {@code /<list>/?q=QUERY} with more parameters ({@code name=value} pairs, encoded here). */
    static String search(String list, String query, String... more) {
        StringBuilder url = new StringBuilder(list(list)).append('?')
                .append(QueryString.pair("q", query));
        for (int i = 0; i + 1 < more.length; i += 2) {
            url.append('&').append(QueryString.pair(more[i], more[i + 1]));
        }
        return url.toString();
    }

    /** The anchor of a message on thread pages: {@code m} and the SHA-1 of its id, as lore. */
    static String anchor(String messageId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1")
                    .digest(messageId.getBytes(StandardCharsets.UTF_8));
            return "m" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }
}
