package org.lorebot.bot.citation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lorebot.analyzers.dma.Allocator;
import org.lorebot.analyzers.dma.AllocatorModel;
import org.lorebot.analyzers.finding.Finding;
import org.lorebot.analyzers.patch.DiffLine;

/**
 * The archive search that finds earlier discussion of a finding: patches that removed the
 * same flag from a call of the same allocator ({@code dfb:}), or added it and were reviewed
 * ({@code dfa:}), in public-inbox's query language.
 */
public final class DiscussionQuery {

    private static final Pattern CALL = Pattern.compile("\\b([A-Za-z_][A-Za-z0-9_]*)\\s*\\(");
    private static final Pattern FLAG = Pattern.compile("\\b(__GFP_[A-Z0-9_]+|GFP_[A-Z0-9_]+)\\b");
    // Context masks are in almost every allocation; the zone and special modifiers are what
    // the rules are about and what earlier threads discussed.
    private static final Set<String> COMMON_FLAGS = Set.of("GFP_KERNEL", "GFP_ATOMIC", "GFP_NOWAIT",
            "GFP_NOIO", "GFP_NOFS", "__GFP_NOWARN", "__GFP_ZERO", "__GFP_RETRY_MAYFAIL", "__GFP_NORETRY");
    private static final Pattern ALLOCATOR = Pattern.compile("alloc|get_free_page|get_zeroed_page|kmemdup|kstrdup");

    private static final AllocatorModel MODEL = AllocatorModel.standard();

    private DiscussionQuery() {
    }

    /** The query for a finding, or empty when its lines name no call and flag to look for. */
    public static Optional<String> of(Finding finding) {
        String code = addedCode(finding);
        Optional<String> api = allocator(code);
        Optional<String> flag = flag(code);
        if (api.isEmpty() || flag.isEmpty()) {
            return Optional.empty();
        }
        String f = flag.get();
        // The same mistake made with a sibling of the allocator (kmalloc for kzalloc) is the
        // same discussion. A wrapped call often has the flag alone on the changed line and the
        // function name in the context, so the name may be in either.
        List<String> apis = family(api.get());
        return Optional.of("(dfb:" + f + " AND (" + anyOf(apis, "dfb") + "))"
                + " OR (dfa:" + f + " AND (" + anyOf(apis, "dfa") + "))");
    }

    /** What the finding is about in a few words: {@code GFP_DMA with kmalloc()}; empty when unclear. */
    public static String topic(Finding finding) {
        String code = addedCode(finding);
        Optional<String> api = allocator(code);
        Optional<String> flag = flag(code);
        return api.isEmpty() || flag.isEmpty() ? "" : flag.get() + " with " + api.get() + "()";
    }

    /** {@code dfb:a OR dfctx:a OR dfb:b OR dfctx:b ...} for the given diff prefix. */
    private static String anyOf(List<String> apis, String prefix) {
        List<String> terms = new ArrayList<>();
        for (String a : apis) {
            terms.add(prefix + ":" + a + " OR dfctx:" + a);
        }
        return String.join(" OR ", terms);
    }

    /** The allocator first, then the other members of its family in the allocator model. */
    static List<String> family(String api) {
        List<String> names = new ArrayList<>(List.of(api));
        MODEL.find(api).ifPresent(a -> MODEL.allocators().stream()
                .filter(o -> o.family().equals(a.family()) && !o.api().equals(api))
                .map(Allocator::api).sorted().forEach(names::add));
        return names;
    }

    /**
     * Whether a mail's text talks about what the finding is about: it names the flag the query
     * looks for. A reply in a thread found by the query is cited only then, so a sub-thread on
     * some other part of a long series is not offered as earlier discussion.
     */
    public static boolean discusses(Finding finding, String text) {
        return talksAbout(finding).test(text);
    }

    /** {@link #discusses} for one finding, to test many mails: the flag is found once. */
    public static Predicate<String> talksAbout(Finding finding) {
        String code = addedCode(finding);
        Optional<Pattern> flag = flag(code)
                .map(f -> Pattern.compile("\\b" + Pattern.quote(f) + "\\b"));
        return text -> flag.isPresent() && flag.get().matcher(text).find();
    }

    /**
     * Whether a patch, given as its mail text, takes the finding's flag out: the flag is on lines
     * it removes and on none it adds. A patch that adds the same flag repeats the mistake; it is
     * no discussion of it, though its review thread may be.
     */
    public static Predicate<String> removedBy(Finding finding) {
        Optional<Pattern> flag = flag(addedCode(finding))
                .map(f -> Pattern.compile("\\b" + Pattern.quote(f) + "\\b"));
        return text -> flag.isPresent() && removes(text, flag.get());
    }

    private static boolean removes(String text, Pattern flag) {
        boolean removed = false;
        for (String line : text.split("\n")) {
            boolean added = line.startsWith("+") && !line.startsWith("+++ ");
            boolean gone = line.startsWith("-") && !line.startsWith("--- ");
            if ((added || gone) && flag.matcher(line).find()) {
                if (added) {
                    return false;
                }
                removed = true;
            }
        }
        return removed;
    }

    /** The finding's lines as the patch leaves them (context and added lines). */
    private static String addedCode(Finding finding) {
        StringBuilder code = new StringBuilder();
        for (DiffLine l : finding.lines()) {
            if (l.kind() != DiffLine.Kind.REMOVED) {
                code.append(l.text()).append('\n');
            }
        }
        return code.toString();
    }

    static Optional<String> allocator(String code) {
        List<String> calls = new ArrayList<>();
        Matcher m = CALL.matcher(code);
        while (m.find()) {
            calls.add(m.group(1));
        }
        for (String c : calls) {
            if (ALLOCATOR.matcher(c.toLowerCase(Locale.ROOT)).find()) {
                return Optional.of(c);
            }
        }
        return calls.stream().filter(c -> !c.equals("sizeof") && !c.equals("if")).findFirst();
    }

    static Optional<String> flag(String code) {
        Set<String> flags = new LinkedHashSet<>();
        Matcher m = FLAG.matcher(code);
        while (m.find()) {
            flags.add(m.group(1));
        }
        return flags.stream().filter(f -> !COMMON_FLAGS.contains(f)).findFirst()
                .or(() -> flags.stream().findFirst());
    }
}
