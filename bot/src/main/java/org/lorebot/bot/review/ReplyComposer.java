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

        return Optional.of(new OutgoingMail(messageId, bot.address(), List.of(author),
                cc(patch, list), subject(patch.subject()), patch.messageId(), references, date,
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
        out.addAll(TextWrap.fill(intro(items.size(), repeats.size())));
        String lastPath = null;
        for (ReviewItem item : items) {
            Finding f = item.finding();
            out.add("");
            if (!f.path().equals(lastPath)) {
                out.add(fileHeading(f));
                lastPath = f.path();
            }
            for (DiffLine line : f.lines()) {
                out.add("> " + line.asDiff());
            }
            out.add("");
            out.addAll(TextWrap.fill(f.ruleId() + " (" + f.severity().word() + "): " + sentence(f.message())));
            if (!f.explanation().isBlank()) {
                out.add("");
                out.addAll(TextWrap.fill(f.explanation()));
            }
            if (!f.fix().isBlank()) {
                out.add("");
                out.addAll(TextWrap.fill(f.fix(), WIDTH, "Fix: ", "     "));
            }
            citations(out, item.citations(), ModelReference.parseAll(f.citations()));
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

    private static String intro(int items, int repeats) {
        if (items == 0) {
            return "lorebot checked the allocation flags this patch adds or changes. "
                    + "It found nothing new, but " + count(repeats, "earlier finding")
                    + (repeats == 1 ? " still applies." : " still apply.");
        }
        return "lorebot checked the allocation flags this patch adds or changes and found "
                + count(items, "problem") + (items == 1 ? ". It is" : ". Each is") + " explained below the quoted lines.";
    }

    private static String count(int n, String noun) {
        return (n == 1 ? "one" : Integer.toString(n)) + " " + noun + (n == 1 ? "" : "s");
    }

    private static String sentence(String text) {
        String t = text.strip();
        return t.isEmpty() || ".!?".indexOf(t.charAt(t.length() - 1)) >= 0 ? t : t + ".";
    }

    private static String fileHeading(Finding f) {
        return f.line() > 0 ? "In " + f.path() + ", line " + f.line() + ":" : "In " + f.path() + ":";
    }

    private static void citations(List<String> out, List<Citation> prior, List<ModelReference> model) {
        if (!prior.isEmpty()) {
            out.add("");
            out.add("Earlier discussion:");
            for (Citation c : prior) {
                String who = c.author().isEmpty() ? "" : c.author() + ", ";
                out.addAll(TextWrap.fill(c.subject() + " (" + who + DAY.format(c.date()) + ")",
                        WIDTH, "  - ", "    "));
                out.add(linkLine(c.url()));
            }
        }
        if (!model.isEmpty()) {
            out.add("");
            out.add("References:");
            for (ModelReference r : model) {
                out.addAll(TextWrap.fill(r.key(), WIDTH, "  - ", "    "));
                r.link().ifPresent(link -> out.add(linkLine(link)));
            }
        }
    }

    /** A link under its list item, indented when that still fits in 72 columns. */
    private static String linkLine(String url) {
        if (url.length() + 4 <= WIDTH) {
            return "    " + url;
        }
        return url.length() + 2 <= WIDTH ? "  " + url : url;
    }

    private static String firstRule(List<ReviewItem> items, List<RepeatNote> repeats) {
        return items.isEmpty() ? repeats.get(0).finding().ruleId() : items.get(0).finding().ruleId();
    }
}
