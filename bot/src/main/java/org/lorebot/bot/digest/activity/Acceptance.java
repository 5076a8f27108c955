package org.lorebot.bot.digest.activity;

import java.util.Objects;

/**
 * A reply saying the patch or series it answers was taken into a tree.
 *
 * @param verb  what happened, in lower case: {@code applied}, {@code queued}, {@code picked up},
 *              {@code merged}
 * @param where the tree or branch named, as written ({@code spi-nor/next}), or empty
 */
public record Acceptance(String verb, String where) {
    public Acceptance {
        Objects.requireNonNull(verb, "verb");
        Objects.requireNonNull(where, "where");
    }

    /** Merged upstream (pr-tracker-bot), as opposed to applied to a maintainer's tree. */
    public boolean merged() {
        return verb.equals("merged");
    }
}
