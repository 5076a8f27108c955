package org.lorebot.bot.cli;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import org.lorebot.index.search.SearchHit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * How messages are printed by {@code search} and {@code thread}: one readable line each, or one JSON
 * object per line for scripts.
 */
public final class HitFormatter {

    private static final DateTimeFormatter DAY_AND_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final int FROM_WIDTH = 22;

    /** Made on first use: a plain-text search need not load Jackson at all. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    /**
     * {@code DATE  FROM  SUBJECT  <MESSAGE-ID>}: the date in UTC to the minute, the sender's name (or
     * address) in a fixed-width column, the subject, and the Message-ID to copy.
     */
    public String text(SearchHit hit) {
        return text(hit, "");
    }

    /** As {@link #text(SearchHit)} with {@code indent} before the subject (thread views). */
    public String text(SearchHit hit, String indent) {
        String date = hit.date() == null ? "????-??-?? ??:??" : DAY_AND_TIME.format(hit.date());
        return date + "  " + column(senderName(hit.from()), FROM_WIDTH) + "  " + indent
                + oneLine(hit.subject()) + "  <" + hit.messageId() + ">";
    }

    /** The JSON object of a hit, on one line. */
    public String json(SearchHit hit) {
        return write(fields(hit));
    }

    /**
     * The JSON object of a message in a thread: the hit's fields plus {@code depth} (0 for a root),
     * {@code parent} (the Message-ID replied to, null for a root) and {@code ghost} (true for a
     * message that was referenced but never received).
     */
    public String json(SearchHit hit, int depth, String parent, boolean ghost) {
        Map<String, Object> fields = fields(hit);
        fields.put("depth", depth);
        fields.put("parent", parent);
        fields.put("ghost", ghost);
        return write(fields);
    }

    private static Map<String, Object> fields(SearchHit hit) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("message_id", hit.messageId());
        fields.put("subject", hit.subject());
        fields.put("from", hit.from());
        fields.put("date", iso(hit.date()));
        fields.put("thread", hit.thread());
        fields.put("list", hit.list());
        return fields;
    }

    private static String write(Map<String, Object> fields) {
        try {
            return Json.MAPPER.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            // Strings, numbers and null only: Jackson cannot fail on them.
            throw new IllegalStateException(e);
        }
    }

    private static String iso(Instant date) {
        return date == null ? null : date.toString();
    }

    /** The display name of {@code Name <address>}, else the address. */
    static String senderName(String from) {
        if (from == null) {
            return "";
        }
        int open = from.lastIndexOf(" <");
        String name = open > 0 ? from.substring(0, open).trim() : from.trim();
        if (name.length() > 1 && name.startsWith("\"") && name.endsWith("\"")) {
            name = name.substring(1, name.length() - 1);
        }
        return name.isEmpty() ? from.trim() : name;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }

    /** {@code s} cut or padded to {@code width} terminal columns (CJK characters take two). */
    static String column(String s, int width) {
        String flat = oneLine(s);
        StringBuilder sb = new StringBuilder();
        int used = 0;
        for (int i = 0; i < flat.length(); ) {
            int cp = flat.codePointAt(i);
            int w = columns(cp);
            if (used + w > width - 1 && used + w + remainingColumns(flat, i + Character.charCount(cp)) > width) {
                sb.append('…');
                used++;
                break;
            }
            sb.appendCodePoint(cp);
            used += w;
            i += Character.charCount(cp);
        }
        return sb + " ".repeat(Math.max(0, width - used));
    }

    private static int remainingColumns(String s, int from) {
        int n = 0;
        for (int i = from; i < s.length(); i += Character.charCount(s.codePointAt(i))) {
            n += columns(s.codePointAt(i));
        }
        return n;
    }

    /** East Asian wide and fullwidth characters take two columns on a terminal. */
    private static int columns(int cp) {
        boolean wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F)
                || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF)
                || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
        return wide ? 2 : 1;
    }
}
