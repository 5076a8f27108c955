package org.lorebot.bot.digest.activity;

import java.util.Objects;

/**
 * A trailer someone gave a patch in a reply: {@code Reviewed-by}, {@code Acked-by} or
 * {@code Tested-by}.
 *
 * @param key the trailer as written, {@code Acked-by}
 * @param who whom it names, without the address ({@code Tudor Ambarus}), or the address when
 *            it names nobody
 */
public record GivenTrailer(String key, String who) {
    public GivenTrailer {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(who, "who");
    }
}
