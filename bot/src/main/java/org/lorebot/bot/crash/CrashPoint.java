package org.lorebot.bot.crash;

/**
 * Named points between the steps of handling mail commands, digests and deliveries, where a test
 * can make the process die exactly as {@code kill -9} would: {@link Runtime#halt} runs no
 * shutdown hook and no {@code finally}, and leaves files, the state file and connections as they
 * are. Chosen with the system property {@value #PROPERTY} (e.g.
 * {@code -Dlorebot.crash-at=outbox-sending}); without it, reaching a point does nothing.
 */
public final class CrashPoint {

    /** The system property naming the point to die at. */
    public static final String PROPERTY = "lorebot.crash-at";

    /** The exit status of the halt: the one a shell shows for a process killed by SIGKILL. */
    public static final int STATUS = 137;

    private static final String TARGET = System.getProperty(PROPERTY, "");

    private CrashPoint() {
    }

    /** Dies here when this is the point the property names. */
    public static void reach(String name) {
        if (!TARGET.isEmpty() && TARGET.equals(name)) {
            System.err.println("lorebot: crashing at " + name + " (" + PROPERTY + ")");
            System.err.flush();
            Runtime.getRuntime().halt(STATUS);
        }
    }
}
