package org.lorebot.index.mail;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Message-IDs out of header values, the way public-inbox reads them, so that lorebot's threads
 * match lore's: ids are what stands between angle brackets, kept without the brackets, with
 * line breaks and tabs removed and cut at 244 characters (public-inbox's limit).
 */
final class MessageIds {

    /** public-inbox truncates longer ids (a Xapian term limit); matching it keeps ids equal. */
    static final int MAX_LENGTH = 244;

    private MessageIds() {
    }

    /** Every {@code <...>} id in a header value, in order. */
    static List<String> bracketed(String value) {
        List<String> ids = new ArrayList<>(2);
        if (value == null) {
            return ids;
        }
        int pos = 0;
        while (true) {
            int open = value.indexOf('<', pos);
            if (open < 0) {
                break;
            }
            int close = value.indexOf('>', open + 1);
            if (close < 0) {
                break;
            }
            String id = clean(value.substring(open + 1, close));
            if (!id.isEmpty()) {
                ids.add(id);
            }
            pos = close + 1;
        }
        return ids;
    }

    /**
     * The message's own id: the first bracketed id of the Message-ID header, or the whole value
     * when it has no brackets (some mailers omit them); null when there is none.
     */
    static String messageId(String value) {
        if (value == null) {
            return null;
        }
        List<String> ids = bracketed(value);
        String id = ids.isEmpty() ? clean(value.strip()) : ids.get(0);
        return id.isEmpty() ? null : id;
    }

    /**
     * The parents, oldest first: every id in References, then In-Reply-To's ids when not already
     * there; without duplicates, without the message's own id, and without ids that are really
     * addresses of the message's From/To/Cc or the "y"/"n" old git-send-email users typed at
     * its In-Reply-To prompt.
     */
    static List<String> references(String references, String inReplyTo, String self, Set<String> addresses) {
        Set<String> ids = new LinkedHashSet<>(bracketed(references));
        ids.addAll(bracketed(inReplyTo));
        ids.remove(self);
        ids.remove("y");
        ids.remove("n");
        ids.removeAll(addresses);
        return List.copyOf(ids);
    }

    private static String clean(String id) {
        String cleaned = id;
        if (id.indexOf('\n') >= 0 || id.indexOf('\r') >= 0 || id.indexOf('\t') >= 0) {
            StringBuilder b = new StringBuilder(id.length());
            for (int i = 0; i < id.length(); i++) {
                char c = id.charAt(i);
                if (c != '\n' && c != '\r' && c != '\t') {
                    b.append(c);
                }
            }
            cleaned = b.toString();
        }
        return cleaned.length() > MAX_LENGTH ? cleaned.substring(0, MAX_LENGTH) : cleaned;
    }
}
