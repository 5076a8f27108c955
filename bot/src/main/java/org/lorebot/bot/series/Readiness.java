package org.lorebot.bot.series;

import java.time.Duration;
import java.time.Instant;

/** Whether a series can be reviewed now: all parts are in, or the grace time has passed. */
public enum Readiness {
    COMPLETE, GRACE_EXPIRED, WAITING;

    /** Reviewing a partial series after {@code grace} beats never reviewing it. */
    public static Readiness of(Series series, Instant now, Duration grace) {
        if (series.isComplete()) {
            return COMPLETE;
        }
        if (series.parts().isEmpty()) {
            return WAITING;
        }
        return Duration.between(series.firstSeen(), now).compareTo(grace) >= 0 ? GRACE_EXPIRED : WAITING;
    }

    public boolean ready() {
        return this != WAITING;
    }
}
