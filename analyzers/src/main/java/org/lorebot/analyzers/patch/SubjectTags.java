package org.lorebot.analyzers.patch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the bracketed tags and the reply prefix of a subject say: {@code Re: [RFC PATCH net-next v3
 * 2/7] mm: fix} is a reply to the RFC version 3, part 2 of 7, of a series for net-next.
 *
 * @param reply    the subject starts with {@code Re:} (or a localized variant, or {@code Fwd:})
 * @param patch    a {@code PATCH} tag is present
 * @param pull     a pull request ({@code GIT PULL}, {@code PULL})
 * @param rfc      an {@code RFC} tag is present
 * @param resend   a {@code RESEND} tag is present
 * @param version  the series version, 1 when not given
 * @param index    the part number ({@code 2} of {@code 2/7}), 0 when not numbered
 * @param total    the number of parts ({@code 7} of {@code 2/7}), 0 when not numbered
 * @param prefixes other tags inside the brackets, such as tree names ({@code net-next}, {@code 6.1})
 * @param title    the subject without reply prefixes and bracketed tags
 */
public record SubjectTags(boolean reply, boolean patch, boolean pull, boolean rfc, boolean resend,
                          int version, int index, int total, List<String> prefixes,
                          String title) {

    private static final Pattern REPLY_PREFIX =
            Pattern.compile("^\\s*(?:re|aw|sv|vs|antw|odp|fwd?)\\s*(?:\\[\\d+\\])?\\s*:\\s*",
                    Pattern.CASE_INSENSITIVE);
    private static final Pattern BRACKETS = Pattern.compile("^\\s*\\[([^\\]]*)\\]\\s*");
    private static final Pattern VERSION = Pattern.compile("(?i)v(\\d{1,3})");
    private static final Pattern PATCH_WITH_VERSION = Pattern.compile("(?i)patch(?:v(\\d{1,3}))?");
    private static final Pattern NUMBERING = Pattern.compile("(\\d{1,4})/(\\d{1,4})");

    public SubjectTags {
        prefixes = List.copyOf(prefixes);
        title = title == null ? "" : title;
    }

    public static SubjectTags parse(String subject) {
        String rest = subject == null ? "" : subject.replaceAll("\\s+", " ").strip();
        boolean reply = false;
        Matcher m;
        // Reply prefixes and tag groups can interleave ("[PATCH] Re: ..." is rare, "Re: [PATCH]" common).
        boolean progressed = true;
        List<String> tags = new ArrayList<>();
        while (progressed) {
            progressed = false;
            m = REPLY_PREFIX.matcher(rest);
            if (m.find()) {
                reply = true;
                rest = rest.substring(m.end());
                progressed = true;
            }
            m = BRACKETS.matcher(rest);
            if (m.find()) {
                for (String t : m.group(1).strip().split("[\\s,]+")) {
                    if (!t.isEmpty()) {
                        tags.add(t);
                    }
                }
                rest = rest.substring(m.end());
                progressed = true;
            }
        }
        boolean patch = false;
        boolean pull = false;
        boolean rfc = false;
        boolean resend = false;
        int version = 1;
        int index = 0;
        int total = 0;
        List<String> prefixes = new ArrayList<>();
        for (String tag : tags) {
            String upper = tag.toUpperCase(Locale.ROOT);
            Matcher pv = PATCH_WITH_VERSION.matcher(tag);
            Matcher v = VERSION.matcher(tag);
            Matcher n = NUMBERING.matcher(tag);
            if (pv.matches()) {
                patch = true;
                if (pv.group(1) != null) {
                    version = Integer.parseInt(pv.group(1));
                }
            } else if (v.matches()) {
                version = Integer.parseInt(v.group(1));
            } else if (n.matches()) {
                index = Integer.parseInt(n.group(1));
                total = Integer.parseInt(n.group(2));
            } else if (upper.equals("RFC")) {
                rfc = true;
            } else if (upper.equals("RESEND")) {
                resend = true;
            } else if (upper.equals("PULL") || upper.equals("GIT")) {
                pull |= upper.equals("PULL");
            } else {
                prefixes.add(tag);
            }
        }
        return new SubjectTags(reply, patch, pull, rfc, resend, version, index, total, prefixes,
                rest.strip());
    }

    /** True for a numbered part 0 ({@code 0/7}): the cover letter of a series. */
    public boolean isCoverLetterNumber() {
        return total > 0 && index == 0;
    }

    /**
     * The title reduced to what stays the same across versions and resends of a patch: lower
     * case, whitespace collapsed. Used to link v1, v2, ... of a series by author and subject.
     */
    public String normalizedTitle() {
        return title.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }
}
