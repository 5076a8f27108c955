package org.lorebot.bot.maintainers;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A file pattern of the kernel's MAINTAINERS {@code F:} and {@code X:} lines, matched the way
 * {@code scripts/get_maintainer.pl} does:
 * <ul>
 * <li>a pattern ending in {@code /} is a directory: it matches every file in and below it;</li>
 * <li>{@code *} and {@code ?} are wildcards; a pattern without a trailing {@code /} matches only
 * paths with as many {@code /} as itself, so {@code drivers/net/*} covers the files in
 * {@code drivers/net} but not those below it;</li>
 * <li>a pattern without wildcards or trailing {@code /} that names a directory matches
 * everything below it, as {@code get_maintainer.pl} appends the slash when it finds the directory
 * in the tree; without the tree at hand, a path that continues the pattern with {@code /} is
 * taken as inside that directory.</li>
 * </ul>
 * Patterns are anchored at the start of the path, which is relative to the source tree's top.
 */
public final class FilePattern {

    private final String text;
    private final Pattern regex;
    private final boolean directory;
    private final boolean literal;
    private final int slashes;

    private FilePattern(String text) {
        this.text = text;
        this.directory = text.endsWith("/");
        this.literal = text.indexOf('*') < 0 && text.indexOf('?') < 0;
        this.slashes = count(text);
        StringBuilder re = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        this.regex = Pattern.compile(re.toString());
    }

    /**
     * The pattern as written after {@code F:}.
     *
     * @throws IllegalArgumentException when it is empty or absolute
     */
    public static FilePattern of(String pattern) {
        String p = Objects.requireNonNull(pattern, "pattern").strip();
        if (p.isEmpty()) {
            throw new IllegalArgumentException("empty file pattern");
        }
        if (p.startsWith("/")) {
            throw new IllegalArgumentException("file pattern '" + p
                    + "' is absolute; patterns are relative to the top of the source tree");
        }
        return new FilePattern(p);
    }

    /** Whether the file (a path relative to the tree's top, as diffs name it) matches. */
    public boolean matches(String path) {
        if (!regex.matcher(path).lookingAt()) {
            return false;
        }
        if (directory) {
            return true;
        }
        if (literal && path.length() > text.length()) {
            return path.charAt(text.length()) == '/';
        }
        return count(path) == slashes;
    }

    private static int count(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '/') {
                n++;
            }
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FilePattern f && f.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /** The pattern as written. */
    @Override
    public String toString() {
        return text;
    }
}
