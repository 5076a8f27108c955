package org.lorebot.bot.digest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.lorebot.analyzers.patch.SubjectTags;
import org.lorebot.index.MailIndex;
import org.lorebot.index.search.MessageThread;
import org.lorebot.index.search.ThreadEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The patches, cover letters and pull requests of a thread, however old: what a reply in the period answers
 * may have been posted long before it. Only messages whose subject reads as a patch are read
 * from the index; each thread is read once per run.
 */
final class ThreadPatches {

    private static final Logger LOG = LoggerFactory.getLogger(ThreadPatches.class);

    private final MailIndex index;
    private final FactsLoader loader;
    private final Map<String, List<MessageFacts>> byRoot = new ConcurrentHashMap<>();

    ThreadPatches(MailIndex index, FactsLoader loader) {
        this.index = index;
        this.loader = loader;
    }

    /** The patches of the thread rooted at {@code root}, in thread order. */
    List<MessageFacts> of(String root) {
        return byRoot.computeIfAbsent(root, this::read);
    }

    private List<MessageFacts> read(String root) {
        Optional<MessageThread> thread;
        try {
            thread = index.thread(root);
        } catch (IOException e) {
            LOG.warn("thread <{}> cannot be read ({}); its older patches are left out of digests", root,
                    e.getMessage());
            return List.of();
        }
        List<MessageFacts> out = new ArrayList<>();
        for (ThreadEntry e : thread.map(MessageThread::entries).orElse(List.of())) {
            if (e.ghost()) {
                continue;
            }
            SubjectTags tags = SubjectTags.parse(e.message().get().subject());
            if (!tags.reply() && (tags.patch() || tags.pull() || tags.total() > 0)) {
                loader.message(e.messageId()).filter(m -> m.isPatch() || m.pullRequest()).ifPresent(out::add);
            }
        }
        return List.copyOf(out);
    }
}
