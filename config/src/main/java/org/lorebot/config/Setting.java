package org.lorebot.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One value read from the file, with where it came from, and the conversions to the types lorebot
 * uses. Every conversion failure names the file, line and key.
 */
record Setting(Path file, int line, String key, String value) {

    private static final Pattern DURATION_PART = Pattern.compile("(\\d+)(ms|s|m|h|d|w)");
    private static final Pattern ADDRESS = Pattern.compile("[^\\s@<>(),;:\"\\[\\]]+@[^\\s@<>(),;:\"\\[\\]]+");
    private static final Pattern NAMED_ADDRESS = Pattern.compile("(.*?)\\s*<([^<>]*)>");
    private static final Pattern LISTEN = Pattern.compile("(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9.-]*):(\\d+)");
    private static final Pattern ZK_HOSTS = Pattern.compile(
            "[A-Za-z0-9.-]+:\\d{1,5}(,[A-Za-z0-9.-]+:\\d{1,5})*(/[A-Za-z0-9._/-]*)?");
    private static final Pattern COLLECTION = Pattern.compile("[A-Za-z0-9._][A-Za-z0-9._-]*");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    ConfigException error(String problem) {
        return new ConfigException(file, line, key, problem);
    }

    ConfigException error(String problem, Throwable cause) {
        return new ConfigException(file, line, key, problem, cause);
    }

    /** The value, which must not be empty. */
    String text() throws ConfigException {
        if (value.isEmpty()) {
            throw error("no value given");
        }
        return value;
    }

    /** One of {@code choices}, case-insensitively; returned in lower case. */
    String choice(List<String> choices) throws ConfigException {
        String v = value.toLowerCase(Locale.ROOT);
        if (!choices.contains(v)) {
            throw error("'" + value + "' is not one of " + String.join(", ", choices));
        }
        return v;
    }

    /** A boolean the way git spells them: true/yes/on/1 and false/no/off/0. */
    boolean bool() throws ConfigException {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1":
                return true;
            case "false", "no", "off", "0":
                return false;
            default:
                throw error("'" + value + "' is not a boolean (true or false)");
        }
    }

    /** A whole number in {@code [min, max]}. */
    int integer(int min, int max) throws ConfigException {
        int n;
        try {
            n = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw error("'" + value + "' is not a whole number");
        }
        if (n < min || n > max) {
            throw error(n + " is out of range (" + min + " to " + max + ")");
        }
        return n;
    }

    /**
     * A duration: a number with a unit, {@code ms s m h d w}, or several in a row ({@code 1h30m});
     * a bare {@code 0} is zero.
     */
    Duration duration() throws ConfigException {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.equals("0")) {
            return Duration.ZERO;
        }
        Matcher m = DURATION_PART.matcher(v);
        Duration total = Duration.ZERO;
        int at = 0;
        while (at < v.length()) {
            if (!m.find(at) || m.start() != at) {
                throw error("'" + value + "' is not a duration (e.g. 30s, 10m, 2h, 1d)");
            }
            long n;
            try {
                n = Long.parseLong(m.group(1));
                Duration part = switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    case "d" -> Duration.ofDays(n);
                    default -> Duration.ofDays(Math.multiplyExact(n, 7));
                };
                total = total.plus(part);
            } catch (ArithmeticException | NumberFormatException e) {
                throw error("'" + value + "' is too long a duration");
            }
            at = m.end();
        }
        if (at == 0) {
            throw error("'" + value + "' is not a duration (e.g. 30s, 10m, 2h, 1d)");
        }
        return total;
    }

    /** A positive duration. */
    Duration positiveDuration() throws ConfigException {
        Duration d = duration();
        if (d.isZero()) {
            throw error("must be longer than 0");
        }
        return d;
    }

    /**
     * An ISO-8601 date ({@code 2024-05-01}, midnight UTC) or date-time, with an offset or else taken
     * as UTC ({@code 2024-05-01T12:00}, {@code 2024-05-01T12:00:00+02:00}).
     */
    Instant instant() throws ConfigException {
        String v = value.trim();
        if (v.length() > 10 && v.charAt(10) == ' ') {
            v = v.substring(0, 10) + 'T' + v.substring(11);
        }
        try {
            if (v.length() == 10) {
                return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (v.endsWith("Z") || v.endsWith("z")) {
                return Instant.parse(v.toUpperCase(Locale.ROOT));
            }
            try {
                return OffsetDateTime.parse(v).toInstant();
            } catch (DateTimeException e) {
                return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
            }
        } catch (DateTimeException e) {
            throw error("'" + value + "' is not an ISO-8601 date or date-time (e.g. 2024-05-01 or 2024-05-01T12:00:00Z)");
        }
    }

    /**
     * A path; {@code ~/} is the home directory and a relative path is taken from {@code base}, the
     * configuration file's directory.
     */
    Path path(Path base) throws ConfigException {
        String v = text();
        try {
            if (v.equals("~") || v.startsWith("~/")) {
                v = System.getProperty("user.home") + v.substring(1);
            }
            Path p = Path.of(v);
            return (p.isAbsolute() ? p : base.resolve(p)).normalize();
        } catch (InvalidPathException e) {
            throw error("'" + value + "' is not a valid path: " + e.getReason());
        }
    }

    /** An absolute http or https URL, returned without a trailing slash. */
    URI httpUrl() throws ConfigException {
        String v = text();
        while (v.endsWith("/")) {
            v = v.substring(0, v.length() - 1);
        }
        URI uri;
        try {
            uri = new URI(v);
        } catch (URISyntaxException e) {
            throw error("'" + value + "' is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw error("'" + value + "' is not an http:// or https:// URL");
        }
        return uri;
    }

    /** A bare mail address {@code local@domain}, returned in lower case. */
    String address() throws ConfigException {
        String v = text().trim();
        if (!ADDRESS.matcher(v).matches()) {
            throw error("'" + value + "' is not a mail address (local@domain)");
        }
        return v.toLowerCase(Locale.ROOT);
    }

    /** {@code Name <local@domain>} or a bare address. */
    String mailbox() throws ConfigException {
        String v = text().trim();
        Matcher named = NAMED_ADDRESS.matcher(v);
        String addr = named.matches() ? named.group(2).trim() : v;
        if (!ADDRESS.matcher(addr).matches()) {
            throw error("'" + value + "' is not a mail address (Name <local@domain> or local@domain)");
        }
        return v;
    }

    /** {@code host:port}, {@code :port} or {@code [ipv6]:port}. */
    String listen() throws ConfigException {
        String v = value.trim();
        Matcher m = LISTEN.matcher(v);
        if (!m.matches()) {
            throw error("'" + value + "' is not host:port (e.g. 127.0.0.1:8080)");
        }
        int port;
        try {
            port = Integer.parseInt(m.group(2));
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 1 || port > 65535) {
            throw error("port " + m.group(2) + " is out of range (1 to 65535)");
        }
        return v;
    }

    /** ZooKeeper hosts: {@code host:port[,host:port...][/chroot]}. */
    String zkHosts() throws ConfigException {
        String v = text().trim();
        if (!ZK_HOSTS.matcher(v).matches()) {
            throw error("'" + value + "' is not a ZooKeeper host list (host:port,host:port[/chroot])");
        }
        return v;
    }

    /** A Solr collection name: letters, digits, '.', '_' and '-', not starting with '-'. */
    String collectionName() throws ConfigException {
        String v = text().trim();
        if (!COLLECTION.matcher(v).matches()) {
            throw error("'" + value + "' is not a collection name (letters, digits, '.', '_', '-')");
        }
        return v;
    }

    /** The name of an environment variable. */
    String environmentVariable() throws ConfigException {
        String v = text().trim();
        if (!ENV_NAME.matcher(v).matches()) {
            throw error("'" + value + "' is not an environment variable name");
        }
        return v;
    }
}
