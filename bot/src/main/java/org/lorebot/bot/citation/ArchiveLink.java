package org.lorebot.bot.citation;

import java.nio.charset.StandardCharsets;

/**
 * Links to a message in a public-inbox archive: the inbox's URL, the Message-ID, a slash. The
 * Message-ID is percent-encoded the way public-inbox does for its URLs, so ids holding
 * {@code /}, {@code %}, {@code ?} or {@code #} still resolve.
 */
public final class ArchiveLink {

    /** The inbox lore.kernel.org serves every list through. */
    public static final String LORE_ALL = "https://lore.kernel.org/all";

    private ArchiveLink() {
    }

    /**
     * {@code https://lore.kernel.org/linux-mm} and {@code a@b} give
     * {@code https://lore.kernel.org/linux-mm/a@b/}.
     *
     * @throws IllegalArgumentException when the URL or the Message-ID is blank
     */
    public static String of(String inboxUrl, String messageId) {
        if (inboxUrl == null || inboxUrl.isBlank()) {
            throw new IllegalArgumentException("inbox URL is empty");
        }
        String id = stripBrackets(messageId);
        if (id.isEmpty()) {
            throw new IllegalArgumentException("Message-ID is empty");
        }
        String base = inboxUrl.strip();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base + "/" + escape(id) + "/";
    }

    /** Removes surrounding whitespace and one pair of angle brackets. */
    static String stripBrackets(String messageId) {
        String id = messageId == null ? "" : messageId.strip();
        if (id.startsWith("<") && id.endsWith(">") && id.length() >= 2) {
            id = id.substring(1, id.length() - 1).strip();
        }
        return id;
    }

    private static String escape(String id) {
        StringBuilder out = new StringBuilder(id.length() + 8);
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (isSafe(c)) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    // RFC 3986 unreserved characters plus the sub-delimiters and ':' '@' that are legal in a
    // path segment; everything else (notably '/', '%', '?', '#', space) is encoded.
    private static boolean isSafe(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "-._~!$&'()*+,;=:@".indexOf(c) >= 0;
    }
}
