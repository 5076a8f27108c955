package org.lorebot.bot.delivery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * A password kept out of logs and messages: {@link #toString()} never shows it and the errors
 * raised while reading it name where it was looked for, never what was found.
 */
public final class Secret {

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /** A secret given directly, for callers that already hold it. */
    public static Secret of(String value) {
        Objects.requireNonNull(value, "value");
        return new Secret(value);
    }

    /** The file's first line, without its line end. */
    public static Secret fromFile(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int end = text.indexOf('\n');
            String stripped = (end < 0 ? text : text.substring(0, end)).replace("\r", "");
            if (stripped.isEmpty()) {
                throw new IllegalArgumentException("SMTP password file " + file + " is empty");
            }
            return new Secret(stripped);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read SMTP password file " + file + ": "
                    + e.getClass().getSimpleName(), e);
        }
    }

    /** The value of environment variable {@code name} in {@code environment}. */
    public static Secret fromEnvironment(String name, Map<String, String> environment) {
        String v = environment.get(name);
        if (v == null || v.isEmpty()) {
            throw new IllegalArgumentException("environment variable " + name + " (SMTP password) is not set");
        }
        return new Secret(v);
    }

    /** The password itself; hand it only to the mail session. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "Secret[hidden]";
    }
}
