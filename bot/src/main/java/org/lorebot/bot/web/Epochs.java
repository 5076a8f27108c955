package org.lorebot.bot.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.lorebot.config.InboxConfig;
import org.lorebot.config.LorebotConfig;

/**
 * The git repositories of the configured public-inbox v2 inboxes ({@code PATH/git/N.git}), the
 * ones the archive lets clients clone. Inboxes kept as an mbox or a single repository have none.
 */
final class Epochs {

    private static final Pattern EPOCH_DIR = Pattern.compile("(0|[1-9][0-9]{0,5})\\.git");

    /** One epoch: list, number and bare repository. */
    record Epoch(String list, int number, Path gitDir) {

        /** {@code /LIST/git/N.git}, the key grokmirror's manifest uses. */
        String manifestPath() {
            return "/" + list + "/git/" + number + ".git";
        }
    }

    private final LorebotConfig config;

    Epochs(LorebotConfig config) {
        this.config = config;
    }

    /** Epoch {@code number} of {@code list}, if that inbox is configured and has it. */
    Optional<Epoch> find(String list, int number) {
        Optional<InboxConfig> inbox = config.inbox(list);
        if (inbox.isEmpty()) {
            return Optional.empty();
        }
        Path dir = inbox.get().path().resolve("git").resolve(number + ".git");
        return Files.isDirectory(dir.resolve("objects"))
                ? Optional.of(new Epoch(list, number, dir)) : Optional.empty();
    }

    /** Every epoch of every configured inbox (or of {@code list} alone), in list then epoch order. */
    List<Epoch> all(Optional<String> list) throws IOException {
        List<Epoch> epochs = new ArrayList<>();
        for (InboxConfig inbox : config.inboxes()) {
            if (list.isPresent() && !list.get().equals(inbox.name())) {
                continue;
            }
            Path git = inbox.path().resolve("git");
            if (!Files.isDirectory(git)) {
                continue;
            }
            List<Integer> numbers = new ArrayList<>();
            try (Stream<Path> entries = Files.list(git)) {
                entries.forEach(p -> {
                    Matcher m = EPOCH_DIR.matcher(p.getFileName().toString());
                    if (m.matches() && Files.isDirectory(p.resolve("objects"))) {
                        numbers.add(Integer.parseInt(m.group(1)));
                    }
                });
            }
            numbers.sort(null);
            for (int n : numbers) {
                epochs.add(new Epoch(inbox.name(), n, git.resolve(n + ".git")));
            }
        }
        return epochs;
    }
}
