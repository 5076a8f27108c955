package org.lorebot.bot.review;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.lorebot.analyzers.finding.Finding;
import org.lorebot.analyzers.patch.DiffLine;
import org.lorebot.bot.citation.Citation;
import org.lorebot.bot.citation.ModelReference;
import org.lorebot.config.InboxConfig.ReplyTo;
import org.lorebot.index.mail.Address;
import org.lorebot.index.mail.MailMessage;

/**
 * Writes the review reply to a patch the way kernel lists expect it: plain text wrapped at 72
 * columns, only the lines concerned quoted with the comment below them, reply-all (or author
 * only, per list), threaded with In-Reply-To and the whole References chain, marked
 * {@code Auto-Submitted}, with a Message-ID that depends only on the patch and the findings.
 */
public final class ReplyComposer {

    private static final Pattern REPLY_PREFIX = Pattern.compile("(?i)^re\\s*:");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final int WIDTH = TextWrap.WIDTH;

    private final BotIdentity bot;
    private final Set<String> withheld;

    public ReplyComposer(BotIdentity bot) {
        this(bot, Set.of());
    }

    /**
     * @param withheld addresses never copied, whatever the original's Cc says: the posting
     *                 addresses of lists the bot is not allowed on, so a cross-posted patch is
     *                 answered only where the bot may speak
     */
    public ReplyComposer(BotIdentity bot, Set<String> withheld) {
        this.bot = Objects.requireNonNull(bot, "bot");
        Set<String> lower = new HashSet<>();
        withheld.forEach(a -> lower.add(a.strip().toLowerCase(Locale.ROOT)));
        this.withheld = Set.copyOf(lower);
    }

    /**
     * The reply to {@code patch}, or empty when there is nothing to say (no item and no note).
     * Items and notes appear in the order given; policy has filtered them already.
     *
     * @throws IllegalArgumentException when the patch has no author address to answer
     */
    public Optional<OutgoingMail> compose(MailMessage patch, ListContext list, List<ReviewItem> items,
                                          List<RepeatNote> repeats, Instant date) {
        return compose(patch, list, items, repeats, date, Map.of());
    }

    /**
     * As {@link #compose(MailMessage, ListContext, List, List, Instant)}, naming in In-Reply-To
     * and References the whole of ids the archive cut short.
     *
     * @param fullIds {@link FullMessageIds#of} the patch's raw mail
     */
    public Optional<OutgoingMail> compose(MailMessage patch, ListContext list, List<ReviewItem> items,
                                          List<RepeatNote> repeats, Instant date, Map<String, String> fullIds) {
        if (items.isEmpty() && repeats.isEmpty()) {
            return Optional.empty();
        }
        Address author = patch.from();
        if (author.address().isBlank()) {
            throw new IllegalArgumentException("patch " + patch.messageId() + " has no From address to reply to");
        }
        List<Finding> said = new ArrayList<>();
        items.forEach(i -> said.add(i.finding()));
        repeats.forEach(r -> said.add(r.finding()));
        String messageId = ReplyIds.messageId(patch.messageId(), said, bot.domain());

        List<String> references = new ArrayList<>(patch.references());
        references.remove(patch.messageId());
        references.add(patch.messageId());
        references.replaceAll(id -> fullIds.getOrDefault(id, id));
        String inReplyTo = fullIds.getOrDefault(patch.messageId(), patch.messageId());

        return Optional.of(new OutgoingMail(messageId, bot.address(), List.of(author),
                cc(patch, list), subject(patch.subject()), inReplyTo, references, date,
                bot.mailer(), body(list, items, repeats)));
    }

    /** {@code Re: } and the original subject on one line, never {@code Re: Re:}. */
    static String subject(String original) {
        String s = original.replaceAll("\\s+", " ").strip();
        return REPLY_PREFIX.matcher(s).find() ? s : "Re: " + s;
    }

    private List<Address> cc(MailMessage patch, ListContext list) {
        if (list.replyTo() == ReplyTo.AUTHOR) {
            return List.of();
        }
        Map<String, Address> unique = new LinkedHashMap<>();
        unique.put(key(patch.from()), patch.from());
        unique.put(key(bot.address()), bot.address());
        List<Address> candidates = new ArrayList<>(patch.to());
        candidates.addAll(patch.cc());
        if (!list.address().isEmpty()) {
            candidates.add(new Address("", list.address()));
        }
        List<Address> cc = new ArrayList<>();
        for (Address a : candidates) {
            if (!a.address().isBlank() && !withheld.contains(key(a)) && unique.putIfAbsent(key(a), a) == null) {
                cc.add(a);
            }
        }
        return List.copyOf(cc);
    }

    private static String key(Address a) {
        return a.address().strip().toLowerCase(Locale.ROOT);
    }

    private String body(ListContext list, List<ReviewItem> items, List<RepeatNote> repeats) {
        List<String> out = new ArrayList<>();
        Map<String, List<ReviewItem>> byRule = new LinkedHashMap<>();
        items.forEach(i -> byRule.computeIfAbsent(i.finding().ruleId(), r -> new ArrayList<>()).add(i));
        out.addAll(TextWrap.fill(intro(items.size(), byRule.size(), repeats.size())));
        Map<Place, List<Finding>> places = new LinkedHashMap<>();
        items.forEach(i -> places.computeIfAbsent(Place.of(i.finding()), p -> new ArrayList<>()).add(i.finding()));
        Set<Place> quoted = new HashSet<>();
        for (List<ReviewItem> rule : byRule.values()) {
            ruleSection(out, rule, places, quoted);
        }
        if (!repeats.isEmpty()) {
            out.add("");
            out.addAll(TextWrap.fill(items.isEmpty()
                    ? "These findings from the review of an earlier version still apply:"
                    : "Still present from an earlier version:"));
            for (RepeatNote r : repeats) {
                Finding f = r.finding();
                out.addAll(TextWrap.fill(f.ruleId() + " in " + f.path() + ": " + f.message()
                        + " See " + r.earlierReplyUrl(), WIDTH, "  - ", "    "));
            }
        }
        out.add("");
        out.add("-- ");
        out.addAll(TextWrap.fill("This is an automated review by lorebot, which checks the allocation"
                + " flags a patch adds against a model of the kernel's DMA allocator."
                + " If a finding is wrong, reply to this mail and say why."));
        out.addAll(TextWrap.fill("To silence a rule for this series and its later versions, the author or"
                + " a maintainer can reply with a line such as \"#lorebot ignore "
                + firstRule(items, repeats) + "\"."));
        out.addAll(TextWrap.fill("To stop lorebot on " + list.name() + ", write to " + bot.contact() + "."));
        return String.join("\n", out) + "\n";
    }

    /**
     * One rule: its verdict, explanation and fix once, then every place it applies to quoted
     * (a place several rules apply to is quoted once, with each rule's verdict below it), then
     * what it cites.
     */
    private static void ruleSection(List<String> out, List<ReviewItem> rule, Map<Place, List<Finding>> places,
                                    Set<Place> quoted) {
        Finding first = rule.get(0).finding();
        out.add("");
        out.addAll(TextWrap.fill(verdict(first)));
        if (!first.explanation().isBlank()) {
            out.add("");
            out.addAll(TextWrap.fill(first.explanation()));
        }
        if (!first.fix().isBlank()) {
            out.add("");
            out.addAll(TextWrap.fill(first.fix(), WIDTH, "Fix: ", "     "));
        }
        List<String> shownAbove = new ArrayList<>();
        Set<Place> seen = new HashSet<>();
        for (ReviewItem item : rule) {
            Place place = Place.of(item.finding());
            if (!seen.add(place)) {
                continue;
            }
            if (!quoted.add(place)) {
                shownAbove.add(place.heading());
                continue;
            }
            out.add("");
            out.add(place.heading() + ":");
            item.finding().lines().forEach(l -> out.add("> " + l.asDiff()));
            List<Finding> here = places.get(place);
            if (here.size() > 1 || !item.finding().message().equals(first.message())) {
                out.add("");
                here.forEach(f -> out.addAll(TextWrap.fill(verdict(f), WIDTH, "", "  ")));
            }
        }
        if (!shownAbove.isEmpty()) {
            out.add("");
            out.addAll(TextWrap.fill("It also applies to the lines quoted above: "
                    + String.join("; ", shownAbove.stream().map(h -> h.substring(3)).toList()) + "."));
        }
        Map<String, Citation> prior = new LinkedHashMap<>();
        Map<String, ModelReference> model = new LinkedHashMap<>();
        for (ReviewItem item : rule) {
            item.citations().forEach(c -> prior.putIfAbsent(c.url(), c));
            ModelReference.parseAll(item.finding().citations()).forEach(r -> model.putIfAbsent(r.key(), r));
        }
        citations(out, List.copyOf(prior.values()), List.copyOf(model.values()));
    }

    private static String verdict(Finding f) {
        return f.ruleId() + " (" + f.severity().word() + "): " + sentence(f.message());
    }

    /** Where a finding is: its file, line and quoted lines. */
    private record Place(String path, int line, List<String> quote) {

        static Place of(Finding f) {
            return new Place(f.path(), f.line(), f.lines().stream().map(DiffLine::asDiff).toList());
        }

        String heading() {
            return line > 0 ? "In " + path + ", line " + line : "In " + path;
        }
    }

    private static String intro(int items, int rules, int repeats) {
        if (items == 0) {
            return "lorebot checked the allocation flags this patch adds or changes. "
                    + "It found nothing new, but " + count(repeats, "earlier finding")
                    + (repeats == 1 ? " still applies." : " still apply.");
        }
        if (items == 1) {
            return "lorebot checked the allocation flags this patch adds or changes and found one problem.";
        }
        return "lorebot checked the allocation flags this patch adds or changes and found "
                + count(items, "problem") + (rules == 1 ? " of one kind." : " of " + rules + " kinds.");
    }

    private static String count(int n, String noun) {
        return (n == 1 ? "one" : Integer.toString(n)) + " " + noun + (n == 1 ? "" : "s");
    }

    private static String sentence(String text) {
        String t = text.strip();
        return t.isEmpty() || ".!?".indexOf(t.charAt(t.length() - 1)) >= 0 ? t : t + ".";
    }

    private static void citations(List<String> out, List<Citation> prior, List<ModelReference> model) {
        if (!prior.isEmpty()) {
            out.add("");
            out.add("Earlier discussion:");
            for (Citation c : prior) {
                // why it is cited names who wrote it; without a why, the author is named
                String who = !c.why().isEmpty() || c.author().isEmpty() ? "" : c.author() + ", ";
                String why = c.why().isEmpty() ? "" : c.why() + ": ";
                out.addAll(TextWrap.fill(why + c.subject() + " (" + who + DAY.format(c.date()) + ")",
                        WIDTH, "  - ", "    "));
                out.add(linkLine(c.url()));
            }
        }
        // a reference to a message already cited as earlier discussion is said once
        Set<String> cited = new HashSet<>();
        prior.forEach(c -> cited.add(lastSegment(c.url())));
        List<ModelReference> rest = model.stream()
                .filter(r -> r.link().map(l -> !cited.contains(lastSegment(l))).orElse(true)).toList();
        if (!rest.isEmpty()) {
            out.add("");
            out.add("References:");
            for (ModelReference r : rest) {
                out.addAll(TextWrap.fill(r.key(), WIDTH, "  - ", "    "));
                r.link().ifPresent(link -> out.add(linkLine(link)));
            }
        }
    }

    /**
     * A link on its own line under its list item, indented like the item's text: the one kind
     * of line allowed past 72 columns, since a cut URL no longer works.
     */
    private static String linkLine(String url) {
        return "    " + url;
    }

    private static String lastSegment(String url) {
        String u = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        return u.substring(u.lastIndexOf('/') + 1);
    }

    private static String firstRule(List<ReviewItem> items, List<RepeatNote> repeats) {
        return items.isEmpty() ? repeats.get(0).finding().ruleId() : items.get(0).finding().ruleId();
    }
}
