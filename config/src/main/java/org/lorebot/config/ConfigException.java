package org.lorebot.config;

import java.nio.file.Path;

/**
 * A configuration file that cannot be used: unreadable, malformed, or holding a key or value lorebot
 * does not accept. The message names where, in the form {@code FILE:LINE: KEY: problem}; the line
 * is left out when unknown (0) and the key when the problem is not about one key.
 */
public final class ConfigException extends Exception {

    private final Path file;
    private final int line;
    private final String key;
    private final String problem;

    /**
     * @param file    the configuration file, or null for a problem not tied to a file
     * @param line    the 1-based line, or 0 when unknown
     * @param key     the key in git-config notation ({@code review.grace}, {@code inbox.NAME.url}), or
     *                empty when the problem concerns no single key
     * @param problem what is wrong, for a human
     */
    public ConfigException(Path file, int line, String key, String problem) {
        this(file, line, key, problem, null);
    }

    public ConfigException(Path file, int line, String key, String problem, Throwable cause) {
        super(format(file, line, key, problem), cause);
        this.file = file;
        this.line = Math.max(line, 0);
        this.key = key == null ? "" : key;
        this.problem = problem;
    }

    private static String format(Path file, int line, String key, String problem) {
        StringBuilder sb = new StringBuilder();
        if (file != null) {
            sb.append(file);
            if (line > 0) {
                sb.append(':').append(line);
            }
            sb.append(": ");
        }
        if (key != null && !key.isEmpty()) {
            sb.append(key).append(": ");
        }
        return sb.append(problem).toString();
    }

    /** The configuration file, or null. */
    public Path file() {
        return file;
    }

    /** The 1-based line of the problem, 0 when unknown. */
    public int line() {
        return line;
    }

    /** The key concerned in git-config notation, empty when none. */
    public String key() {
        return key;
    }

    /** The problem alone, without file, line and key. */
    public String problem() {
        return problem;
    }
}
