package org.lorebot.bot.digest;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lorebot.analyzers.finding.Finding;
import org.lorebot.bot.review.TextWrap;
import org.lorebot.bot.state.SeriesVersion;
import org.lorebot.config.SubscriberConfig.Frequency;

/**
 * Writes a digest as plain text of at most 72 columns (a link longer than that gets a line of
 * its own): the period, the counts, then one section per kind of item, each item with its link.
 */
final class DigestText {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);

    private final ArchiveLinks links;

    DigestText(ArchiveLinks links) {
        this.links = links;
    }

    String subject(Digest d) {
        ZoneId zone = d.preferences().zone();
        List<String> parts = new ArrayList<>();
        if (!d.activity().isEmpty()) {
            count(parts, d.activity().size(), "active series", "active series");
        }
        if (!d.findings().isEmpty()) {
            count(parts, d.findings().size(), "finding");
        }
        if (!d.fixed().isEmpty()) {
            count(parts, d.fixed().size(), "fixed finding");
        }
        if (!d.series().isEmpty()) {
            count(parts, d.series().size(), "new series", "new series");
        }
        if (!d.threads().isEmpty()) {
            count(parts, d.threads().size(), "thread");
        }
        String kind = d.preferences().frequency() == Frequency.WEEKLY ? "weekly" : "daily";
        return "[lorebot " + kind + " digest] " + DAY.format(d.end().atZone(zone)) + ": " + String.join(", ", parts);
    }

    String body(Digest d, String unsubscribeLine) {
        List<String> out = new ArrayList<>();
        ZoneId zone = d.preferences().zone();
        out.add("lorebot digest for " + d.address());
        out.add("From " + WHEN.format(d.start().atZone(zone)) + " to " + WHEN.format(d.end().atZone(zone))
                + " (" + (zone.normalized().equals(ZoneOffset.UTC) ? "UTC" : zone.getId()) + ")");
        out.add("");
        DigestCounts c = d.counts();
        List<String> counts = new ArrayList<>();
        count(counts, c.messages(), d.preferences().lists().isEmpty() ? "message" : "message on your lists",
                d.preferences().lists().isEmpty() ? "messages" : "messages on your lists");
        if (d.preferences().hasArea()) {
            count(counts, c.patches(), "patch in your area", "patches in your area");
            count(counts, c.active(), "series with activity", "series with activity");
            count(counts, c.series(), "series or new version", "series or new versions");
            count(counts, c.findings(), "finding", "findings");
        }
        if (!d.preferences().queries().isEmpty()) {
            count(counts, c.threads(), "thread matching your searches", "threads matching your searches");
        }
        out.addAll(TextWrap.fill("This period: " + String.join(", ", counts) + "."));
        if (!d.activity().isEmpty()) {
            section(out, "Activity on series in your area");
            for (ActivityItem a : d.activity()) {
                activity(out, a, zone);
            }
        }
        if (!d.findings().isEmpty()) {
            section(out, "Findings (" + d.preferences().minSeverity().word() + " and above)");
            for (FindingItem i : d.findings()) {
                Finding f = i.finding();
                out.add("");
                out.addAll(TextWrap.fill("[" + f.severity().word() + "] " + f.ruleId() + " " + f.path() + ":" + f.line(),
                        TextWrap.WIDTH, "", "  "));
                out.addAll(TextWrap.fill(f.message(), TextWrap.WIDTH, "  ", "  "));
                out.addAll(TextWrap.fill("in " + i.subject(), TextWrap.WIDTH, "  ", "    "));
                out.add("  " + links.of(i.list(), i.messageId()));
            }
        }
        if (!d.fixed().isEmpty()) {
            section(out, "Findings fixed by a later version");
            for (FixedItem x : d.fixed()) {
                Finding f = x.finding().finding();
                out.add("");
                out.addAll(TextWrap.fill("[" + f.severity().word() + "] " + f.ruleId() + " " + f.path() + ":" + f.line(),
                        TextWrap.WIDTH, "", "  "));
                out.addAll(TextWrap.fill("in " + x.finding().subject(), TextWrap.WIDTH, "  ", "    "));
                out.add("  " + links.of(x.finding().list(), x.finding().messageId()));
                out.add("  gone in v" + x.fixedIn().version() + " of " + DAY.format(x.fixedIn().firstSeen().atZone(zone))
                        + ":");
                out.add("  " + links.of(x.fixedIn().list(), x.fixedIn().messageId()));
            }
        }
        if (!d.series().isEmpty()) {
            section(out, "New series and new versions");
            for (SeriesItem s : d.series()) {
                out.add("");
                out.addAll(TextWrap.fill(s.subject(), TextWrap.WIDTH, "", "  "));
                String files = s.files().size() <= 3 ? String.join(", ", s.files())
                        : String.join(", ", s.files().subList(0, 3)) + " and " + (s.files().size() - 3) + " more";
                out.addAll(TextWrap.fill(s.from() + ", v" + s.version() + ", " + s.patches()
                        + (s.patches() == 1 ? " patch" : " patches") + (files.isEmpty() ? "" : "; " + files),
                        TextWrap.WIDTH, "  ", "  "));
                out.add("  " + links.of(s.list(), s.headId()));
                for (SeriesVersion v : s.earlier()) {
                    out.add("  v" + v.version() + " of " + DAY.format(v.firstSeen().atZone(zone)) + ": "
                            + links.of(v.list(), v.messageId()));
                }
            }
        }
        if (!d.threads().isEmpty()) {
            section(out, "Threads matching your searches");
            String query = null;
            for (ThreadItem t : d.threads()) {
                if (!t.query().equals(query)) {
                    query = t.query();
                    out.add("");
                    out.addAll(TextWrap.fill("Search: " + query, TextWrap.WIDTH, "", "  "));
                }
                out.addAll(TextWrap.fill(t.subject() + " (" + t.newMessages() + " new)", TextWrap.WIDTH, "  ", "    "));
                out.add("    " + links.of(t.list(), t.firstId()));
            }
        }
        out.add("");
        out.add("-- ");
        out.addAll(TextWrap.fill("You receive this because you subscribed to lorebot digests. " + unsubscribeLine));
        return String.join("\n", out) + "\n";
    }

    /** One series: what it is, then what happened, state changes first, then its link. */
    private void activity(List<String> out, ActivityItem a, ZoneId zone) {
        out.add("");
        out.addAll(TextWrap.fill(a.subject(), TextWrap.WIDTH, "", "  "));
        out.addAll(TextWrap.fill(a.author() + (a.version() == 0 ? ", pull request" : ", v" + a.version()),
                TextWrap.WIDTH, "  ", "  "));
        for (TakenItem t : a.taken()) {
            String verb = Character.toUpperCase(t.acceptance().verb().charAt(0)) + t.acceptance().verb().substring(1);
            String where = t.acceptance().where().isEmpty() ? ""
                    : (t.acceptance().merged() ? " into " : " to ") + t.acceptance().where();
            out.addAll(TextWrap.fill(verb + " by " + t.by() + where + " (" + String.join(", ", t.what()) + ")",
                    TextWrap.WIDTH, "  ", "    "));
        }
        for (SeriesVersion v : a.newVersions()) {
            out.add("  New version: v" + v.version() + " of " + DAY.format(v.firstSeen().atZone(zone)));
            out.add("    " + links.of(v.list(), v.messageId()));
        }
        Map<String, List<String>> given = new LinkedHashMap<>();
        a.trailers().forEach(t -> given.computeIfAbsent(t.key(), k -> new ArrayList<>()).add(t.who()));
        given.forEach((key, who) -> out.addAll(TextWrap.fill(key + ": " + String.join(", ", who),
                TextWrap.WIDTH, "  ", "    ")));
        if (a.replies() > 0) {
            out.addAll(TextWrap.fill(a.replies() + (a.replies() == 1 ? " reply: " : " replies: ")
                    + String.join(", ", a.repliers()), TextWrap.WIDTH, "  ", "    "));
        }
        out.add("  " + links.of(a.list(), a.headId()));
    }

    private static void section(List<String> out, String title) {
        out.add("");
        out.add("");
        out.add(title);
        out.add("-".repeat(title.length()));
    }

    private static void count(List<String> parts, int n, String one) {
        count(parts, n, one, one + "s");
    }

    private static void count(List<String> parts, int n, String one, String many) {
        parts.add(String.format(Locale.ROOT, "%,d %s", n, n == 1 ? one : many));
    }
}
