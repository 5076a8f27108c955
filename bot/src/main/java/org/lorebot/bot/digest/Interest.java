package org.lorebot.bot.digest;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.lorebot.bot.maintainers.MaintainersFile;
import org.lorebot.bot.maintainers.FilePattern;
import org.lorebot.bot.maintainers.MaintainersEntry;
import org.lorebot.bot.subscription.Preferences;

/**
 * A subscriber's area, ready for matching: their lists, their file patterns, their MAINTAINERS
 * entry. A patch is in the area when it was posted to one of the lists (any list when none is
 * chosen) and, when files are chosen at all, touches one of them (or, through the entry's
 * {@code K:} keywords, changes a matching line).
 */
final class Interest {

    private final Preferences preferences;
    private final List<FilePattern> paths;
    private final Optional<MaintainersEntry> entry;

    Interest(Preferences preferences, Optional<MaintainersEntry> entry) {
        this.preferences = preferences;
        this.paths = preferences.paths().stream().map(FilePattern::of).toList();
        this.entry = entry;
    }

    /**
     * @param maintainers the MAINTAINERS file, when configured
     * @throws IllegalStateException when the preferences name an entry that cannot be found
     */
    static Interest of(Preferences p, Supplier<Optional<MaintainersFile>> maintainers) {
        if (p.maintainersEntry().isEmpty()) {
            return new Interest(p, Optional.empty());
        }
        MaintainersFile file = maintainers.get().orElseThrow(() -> new IllegalStateException(
                "maintainers-entry '" + p.maintainersEntry() + "' but no [digest] maintainers-file"));
        return new Interest(p, Optional.of(file.entry(p.maintainersEntry()).orElseThrow(() ->
                new IllegalStateException("no entry '" + p.maintainersEntry() + "' in the MAINTAINERS file"))));
    }

    Preferences preferences() {
        return preferences;
    }

    boolean onLists(String list) {
        return preferences.lists().isEmpty() || preferences.lists().contains(list);
    }

    /** What decides the area: subscribers with the same key cover the same patches. */
    String areaKey() {
        return preferences.lists() + "|" + preferences.paths() + "|" + preferences.maintainersEntry();
    }

    /** Whether the digest has an area at all (a digest of saved searches only has none). */
    boolean hasArea() {
        return preferences.hasArea();
    }

    /** Whether a patch, cover letter or pull request lies in the area. */
    boolean covers(MessageFacts m) {
        if (!hasArea() || !(m.isPatch() || m.pullRequest()) || !onLists(m.list())) {
            return false;
        }
        if (paths.isEmpty() && entry.isEmpty()) {
            return true;
        }
        for (String f : m.files()) {
            for (FilePattern p : paths) {
                if (p.matches(f)) {
                    return true;
                }
            }
        }
        return entry.isPresent() && entry.get().concerns(m.files(), m.changedLines());
    }
}
