package org.lorebot.bot.citation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of a rule's fixed citations from the allocator model, such as
 * {@code 57bf5a8963f8 (v4.16, lore 20180110080027.13879-21-hch@lst.de)}, with an archive link
 * when the key names a lore Message-ID.
 *
 * @param key  the citation as the model writes it
 * @param link {@code https://lore.kernel.org/all/<id>/} for the first Message-ID in the key, or
 *             empty when it names none (a commit, a source file)
 */
public record ModelReference(String key, Optional<String> link) {

    // A Message-ID as kernel tools make them: local part, '@', a dotted domain. A source path
    // such as kernel/dma/direct.c has no '@', and e-mail-less prose never matches.
    private static final Pattern MESSAGE_ID = Pattern.compile(
            "[A-Za-z0-9][A-Za-z0-9._%+=$!#-]*@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+");

    public ModelReference {
        key = key == null ? "" : key.strip();
        link = link == null ? Optional.empty() : link;
    }

    /** Reads one citation key, linking its first Message-ID. */
    public static ModelReference parse(String key) {
        Matcher m = MESSAGE_ID.matcher(key == null ? "" : key);
        if (m.find()) {
            return new ModelReference(key, Optional.of(ArchiveLink.of(ArchiveLink.LORE_ALL, m.group())));
        }
        return new ModelReference(key, Optional.empty());
    }

    /** Reads every key of a finding's citation list, in order, skipping blank ones. */
    public static List<ModelReference> parseAll(List<String> keys) {
        List<ModelReference> out = new ArrayList<>(keys.size());
        for (String key : keys) {
            if (key != null && !key.isBlank()) {
                out.add(parse(key));
            }
        }
        return List.copyOf(out);
    }
}
