package org.lorebot.bot.review;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Message-IDs of a mail as its headers spell them. The archive keeps at most 244
 * characters of an id (public-inbox's limit); a reply must name the whole id in In-Reply-To
 * and References, or mail readers do not thread it.
 */
public final class FullMessageIds {

    /** How much of an id the archive keeps. */
    public static final int KEPT = 244;

    private static final Set<String> THREADING = Set.of("message-id", "in-reply-to", "references");
    private static final Pattern BRACKETED = Pattern.compile("<([^<>]*)>");

    private FullMessageIds() {
    }

    /** The ids longer than the archive keeps, by what the archive kept of them. */
    public static Map<String, String> of(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1).replace("\r\n", "\n");
        int end = text.indexOf("\n\n");
        String head = (end < 0 ? text : text.substring(0, end)).replaceAll("\n[ \t]+", " ");
        Map<String, String> full = new HashMap<>();
        for (String line : head.split("\n")) {
            int colon = line.indexOf(':');
            if (colon <= 0 || !THREADING.contains(line.substring(0, colon).strip().toLowerCase(Locale.ROOT))) {
                continue;
            }
            Matcher m = BRACKETED.matcher(line.substring(colon + 1));
            while (m.find()) {
                String id = m.group(1).replaceAll("[\r\n\t]", "");
                if (id.length() > KEPT) {
                    full.put(id.substring(0, KEPT), id);
                }
            }
        }
        return Map.copyOf(full);
    }
}
