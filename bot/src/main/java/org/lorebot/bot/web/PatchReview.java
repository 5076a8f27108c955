package org.lorebot.bot.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.lorebot.analyzers.finding.Finding;
import org.lorebot.analyzers.patch.DiffLine;
import org.lorebot.analyzers.patch.Patch;
import org.lorebot.analyzers.patch.PatchParser;
import org.lorebot.analyzers.rules.DmaChecker;
import org.lorebot.index.mail.MailMessage;
import org.lorebot.index.search.MessageThread;
import org.lorebot.index.search.SearchHit;
import org.lorebot.index.search.ThreadEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * lorebot's view of a patch on its page: the DMA findings for what it changes, and the bot's
 * review reply when the archive holds one. The checker is pure, so it runs on the stored
 * message itself; its answers for recently shown messages are kept, since a message never
 * changes under its Message-ID.
 */
final class PatchReview {

    private static final Logger LOG = LoggerFactory.getLogger(PatchReview.class);
    private static final int REMEMBERED = 4096;

    /** A message's findings section (empty when it is no patch) and its one-line summary. */
    private record Section(String html, String summary) {
        static final Section NONE = new Section("", "");
    }

    /** Message-ID to its findings section. */
    private final Map<String, Section> sections = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Section> eldest) {
            return size() > REMEMBERED;
        }
    };

    /** The bare address of a {@code Name <address>} or bare-address value, lower case. */
    static String address(String from) {
        if (from == null) {
            return "";
        }
        int open = from.lastIndexOf('<');
        int close = from.lastIndexOf('>');
        String bare = open >= 0 && close > open ? from.substring(open + 1, close) : from;
        return bare.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * The findings section of a message's page, or empty for a message that is not a patch.
     *
     * @param reply the bot's reply to it, if the archive has one
     */
    String render(MailMessage message, Optional<SearchHit> reply) {
        String findings = section(message).html();
        if (findings.isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder(findings);
        reply.ifPresent(r -> html.append("<p>lorebot's review: <a href=\"")
                .append(Links.message(r.list(), r.messageId())).append("\">")
                .append(Html.escape(r.subject())).append("</a></p>\n"));
        return html.append("</section>\n").toString();
    }

    /**
     * One line for the top of a patch's page when it has findings, linking to them (on a long
     * patch they are far below); empty otherwise.
     */
    String summary(MailMessage message) {
        return section(message).summary();
    }

    private Section section(MailMessage message) {
        Section section;
        synchronized (sections) {
            section = sections.get(message.messageId());
        }
        if (section == null) {
            section = findings(message);
            synchronized (sections) {
                sections.put(message.messageId(), section);
            }
        }
        return section;
    }

    /** The findings part of the section (without its end tag) and its summary. */
    private static Section findings(MailMessage message) {
        Patch patch;
        List<Finding> findings;
        try {
            patch = PatchParser.parse(message.subject(), message.patchText());
            if (!patch.hasDiff()) {
                return Section.NONE;
            }
            findings = DmaChecker.check(patch);
        } catch (RuntimeException e) {
            LOG.warn("cannot check <{}>: {}", message.messageId(), e.toString());
            return new Section("<section id=\"lorebot\"><h2>lorebot</h2><p>lorebot could not analyse this "
                    + "patch.</p>\n", "");
        }
        StringBuilder html = new StringBuilder("<section id=\"lorebot\"><h2>lorebot's findings</h2>\n");
        if (findings.isEmpty()) {
            html.append("<p>No DMA allocation problem found in what this patch changes.</p>\n");
        } else {
            html.append("<p>").append(findings.size())
                    .append(findings.size() == 1 ? " finding" : " findings")
                    .append(" in what this patch changes:</p>\n");
            for (Finding f : findings) {
                finding(f, html);
            }
        }
        return new Section(html.toString(), summaryLine(findings));
    }

    private static String summaryLine(List<Finding> findings) {
        if (findings.isEmpty()) {
            return "";
        }
        StringBuilder line = new StringBuilder("<p class=\"summary\">lorebot: <a href=\"#lorebot\">")
                .append(findings.size()).append(findings.size() == 1 ? " finding" : " findings").append("</a> (");
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            line.append(i == 0 ? "" : ", ").append(Html.escape(f.ruleId())).append(' ')
                    .append(f.severity().word()).append(" at ").append(Html.escape(f.path())).append(':')
                    .append(f.line());
        }
        return line.append(")</p>\n").toString();
    }

    private static void finding(Finding f, StringBuilder html) {
        String severity = f.severity().word();
        html.append("<div class=\"finding\"><p><a href=\"/rules/").append(Html.escape(f.ruleId()))
                .append("\">").append(Html.escape(f.ruleId())).append("</a> <span class=\"sev-")
                .append(severity).append("\">").append(severity).append("</span> ")
                .append(Html.escape(f.path())).append(':').append(f.line()).append(": ")
                .append(Html.escape(f.message())).append("</p>\n");
        if (!f.lines().isEmpty()) {
            html.append("<pre>");
            for (DiffLine line : f.lines()) {
                String kind = switch (line.kind()) {
                    case ADDED -> "add";
                    case REMOVED -> "del";
                    case CONTEXT -> "";
                };
                html.append(kind.isEmpty() ? "<span>" : "<span class=\"" + kind + "\">")
                        .append(Html.escape(line.asDiff())).append("</span>\n");
            }
            html.append("</pre>\n");
        }
        if (!f.fix().isBlank()) {
            html.append("<p>Fix: ").append(Html.escape(f.fix())).append("</p>\n");
        }
        html.append("</div>\n");
    }

    /** The bot's reply to {@code messageId} in its thread: a child sent from the bot's address. */
    static Optional<SearchHit> botReply(MessageThread thread, String messageId, String botAddress) {
        if (botAddress.isEmpty()) {
            return Optional.empty();
        }
        for (ThreadEntry child : ThreadOverview.children(thread, messageId)) {
            if (child.message().isPresent()
                    && address(child.message().get().from()).equals(botAddress)) {
                return child.message();
            }
        }
        return Optional.empty();
    }
}
