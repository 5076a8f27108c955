package org.lorebot.config;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.lib.Config;

/**
 * Turns one configuration file into a {@link LorebotConfig}: JGit parses the git-config syntax,
 * {@link ConfigLines} supplies line numbers, and every section, key and value is checked against
 * what lorebot knows.
 */
final class ConfigReader {

    /** Every section and its keys; a key listed here and nowhere else is an error. */
    private static final Map<String, List<String>> KEYS = new LinkedHashMap<>();
    static {
        KEYS.put("core", List.of("data"));
        KEYS.put("inbox", List.of("path", "url", "address", "reply-to", "fetch"));
        KEYS.put("review", List.of("lists", "since", "min-severity", "grace", "embargo",
                "ignore-sender", "maintainer", "max-per-hour", "max-per-list-per-day",
                "note-repeats", "poll-interval", "max-age"));
        KEYS.put("delivery", List.of("mode", "outbox", "from"));
        KEYS.put("smtp", List.of("host", "port", "security", "user", "password-file", "password-env"));
        KEYS.put("web", List.of("listen", "url"));
        KEYS.put("index", List.of("backend", "solr-zk", "solr-url", "collection", "shards",
                "replicas"));
        KEYS.put("subscriber", List.of("lists", "paths", "maintainers-entry", "query",
                "min-severity", "frequency", "hour", "day", "timezone"));
        KEYS.put("commands", List.of("imap-host", "imap-port", "security", "user", "password-file",
                "folder"));
        KEYS.put("digest", List.of("secret-file", "maintainers-file", "token-lifetime",
                "unsubscribe-lifetime", "web-url"));
    }
    /** Sections that need a name: {@code [inbox "NAME"]}, {@code [subscriber "ADDR"]}. */
    private static final Set<String> NAMED = Set.of("inbox", "subscriber");
    /** Keys that may be given several times; every other key may be given once. */
    private static final Set<String> MULTI = Set.of("review.lists", "review.ignore-sender",
            "review.maintainer", "subscriber.lists", "subscriber.paths", "subscriber.query");
    /** Keys where a bare name without {@code =} means true, as in git. */
    private static final Set<String> BOOLEAN = Set.of("review.note-repeats", "inbox.fetch");

    private final Path file;
    private final Path base;
    private final Config config;
    private final ConfigLines lines;

    private ConfigReader(Path file, Config config, ConfigLines lines) {
        this.file = file;
        Path dir = file.toAbsolutePath().getParent();
        this.base = dir == null ? Path.of("").toAbsolutePath() : dir;
        this.config = config;
        this.lines = lines;
    }

    static LorebotConfig read(Path file, Path dataOverride) throws ConfigException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file, 0, "", "no such file");
        } catch (IOException e) {
            throw new ConfigException(file, 0, "", "cannot read: " + e.getMessage(), e);
        }
        return parse(file, text, dataOverride);
    }

    static LorebotConfig parse(Path file, String text, Path dataOverride) throws ConfigException {
        Config config = new Config();
        try {
            config.fromText(text);
        } catch (ConfigInvalidException e) {
            int line = syntaxErrorLine(text, e.getMessage());
            ConfigLines.Key outside = ConfigLines.scan(text).keyOutsideSectionAt(line);
            if (outside != null) {
                throw new ConfigException(file, line, outside.name(), "key outside any section", e);
            }
            String unquoted = unquotedSectionName(text, line);
            if (unquoted != null) {
                throw new ConfigException(file, line, "", unquoted, e);
            }
            throw new ConfigException(file, line, "", "syntax error: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(file, 0, "", "syntax error: " + e.getMessage(), e);
        }
        ConfigReader reader = new ConfigReader(file, config, ConfigLines.scan(text));
        reader.checkStructure();
        return reader.build(dataOverride);
    }

    private static final java.util.regex.Pattern UNQUOTED_NAME =
            java.util.regex.Pattern.compile("^\\s*\\[\\s*([A-Za-z][A-Za-z0-9-]*)\\s+([^\"\\]\\s][^\"\\]]*?)\\s*\\].*$");

    /**
     * {@code [inbox linux-mtd]}, the commonest slip (JGit only says "Bad section entry"): a
     * section's name is written in quotes.
     */
    private static String unquotedSectionName(String text, int line) {
        String[] all = text.split("\n", -1);
        if (line < 1 || line > all.length) {
            return null;
        }
        java.util.regex.Matcher m = UNQUOTED_NAME.matcher(all[line - 1]);
        if (!m.matches()) {
            return null;
        }
        return "[" + m.group(1) + " " + m.group(2) + "]: a section's name is quoted: write ["
                + m.group(1) + " \"" + m.group(2) + "\"]";
    }

    /**
     * JGit says what is wrong but not where: the first prefix of the file that fails the same way
     * holds the bad line.
     */
    private static int syntaxErrorLine(String text, String message) {
        String[] all = text.split("\n", -1);
        StringBuilder prefix = new StringBuilder();
        for (int n = 0; n < all.length; n++) {
            prefix.append(all[n]).append('\n');
            try {
                new Config().fromText(prefix.toString());
            } catch (ConfigInvalidException e) {
                if (String.valueOf(e.getMessage()).equals(String.valueOf(message))) {
                    return n + 1;
                }
            }
        }
        return 0;
    }

    // ---- structure: sections and keys lorebot knows ----

    private void checkStructure() throws ConfigException {
        for (ConfigLines.Header h : lines.headers()) {
            String section = h.section().toLowerCase(Locale.ROOT);
            if (!KEYS.containsKey(section)) {
                throw new ConfigException(file, h.line(), h.section(), "unknown section"
                        + Suggestion.didYouMean(h.section(), KEYS.keySet()) + "; known: "
                        + String.join(", ", KEYS.keySet()));
            }
            if (NAMED.contains(section) && (h.subsection() == null || h.subsection().isEmpty())) {
                throw new ConfigException(file, h.line(), section,
                        "needs a name, e.g. [" + section + " \"linux-mm\"]");
            }
            if (!NAMED.contains(section) && h.subsection() != null) {
                throw new ConfigException(file, h.line(), section + "." + h.subsection(),
                        "[" + section + "] takes no name");
            }
            if (section.equals("inbox") && !InboxConfig.NAME.matcher(h.subsection()).matches()) {
                throw new ConfigException(file, h.line(), "inbox." + h.subsection(),
                        "'" + h.subsection() + "' is not a list name (letters, digits, '.', '_' and '-')");
            }
            if (section.equals("subscriber")) {
                new Setting(file, h.line(), "subscriber." + h.subsection(), h.subsection()).address();
            }
        }
        Set<Integer> headerLines = new HashSet<>();
        lines.headers().forEach(h -> headerLines.add(h.line()));
        for (ConfigLines.Key k : lines.keys()) {
            if (k.section() == null) {
                throw new ConfigException(file, k.line(), k.name(), "key outside any section");
            }
            if (headerLines.contains(k.line())) {
                // git reads a key after the header on the same line, JGit drops it silently
                throw new ConfigException(file, k.line(), display(k.section(), k.subsection(), k.name()),
                        "write the key on a line of its own, below [" + k.section() + "]");
            }
            checkKnown(k.section(), k.subsection(), k.name(), k.line());
            String id = k.section().toLowerCase(Locale.ROOT) + "." + k.name().toLowerCase(Locale.ROOT);
            if (!k.assigned() && !BOOLEAN.contains(id)) {
                throw new ConfigException(file, k.line(), display(k.section(), k.subsection(), k.name()),
                        "no value (write " + k.name() + " = VALUE)");
            }
        }
        // What JGit parsed must agree; a key the scan missed is still checked, without a line.
        for (String section : config.getSections()) {
            List<String> subs = new ArrayList<>(config.getSubsections(section));
            subs.add(null);
            for (String sub : subs) {
                for (String name : config.getNames(section, sub)) {
                    checkKnown(section, sub, name, lines.lineOf(section, sub, name));
                }
            }
        }
    }

    private void checkKnown(String section, String sub, String name, int line) throws ConfigException {
        List<String> known = KEYS.get(section.toLowerCase(Locale.ROOT));
        if (known == null) {
            throw new ConfigException(file, line == 0 ? lines.headerLine(section, sub) : line,
                    section, "unknown section" + Suggestion.didYouMean(section, KEYS.keySet()));
        }
        if (!known.contains(name.toLowerCase(Locale.ROOT))) {
            throw new ConfigException(file, line, display(section, sub, name), "unknown key"
                    + Suggestion.didYouMean(name, known) + "; [" + section.toLowerCase(Locale.ROOT)
                    + "] knows " + String.join(", ", known));
        }
    }

    private static String display(String section, String sub, String name) {
        String s = section.toLowerCase(Locale.ROOT);
        String n = name.toLowerCase(Locale.ROOT);
        return sub == null ? s + "." + n : s + "." + sub + "." + n;
    }

    // ---- values ----

    /** Every value of a key, in file order, with its line. */
    List<Setting> all(String section, String sub, String name) {
        String[] values = config.getStringList(section, sub, name);
        List<Integer> at = lines.linesOf(section, sub, name);
        List<Setting> out = new ArrayList<>(values.length);
        for (int i = 0; i < values.length; i++) {
            int line = i < at.size() ? at.get(i) : (at.isEmpty() ? 0 : at.get(at.size() - 1));
            String value = values[i] == null ? "" : values[i].trim();
            if (value.isEmpty() && lines.bareKeyAt(line)) {
                value = "true"; // a bare key ("note-repeats" alone) means true, as in git
            }
            out.add(new Setting(file, line, display(section, sub, name), value));
        }
        return out;
    }

    /** The value of a single-valued key, if set. */
    Optional<Setting> one(String section, String sub, String name) throws ConfigException {
        List<Setting> values = all(section, sub, name);
        if (values.size() > 1) {
            Setting second = values.get(1);
            throw second.error("set more than once (first on line " + values.get(0).line()
                    + "); give it once");
        }
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The words of a multi-valued key: each value may hold several, separated by commas or blanks. */
    private List<Setting> words(String section, String name) {
        return words(section, null, name);
    }

    List<Setting> words(String section, String sub, String name) {
        List<Setting> out = new ArrayList<>();
        for (Setting s : all(section, sub, name)) {
            for (String word : s.value().split("[,\\s]+")) {
                if (!word.isEmpty()) {
                    out.add(new Setting(s.file(), s.line(), s.key(), word));
                }
            }
        }
        return out;
    }

    // ---- building the records ----

    private LorebotConfig build(Path dataOverride) throws ConfigException {
        Path data = dataOverride != null
                ? dataOverride.toAbsolutePath().normalize()
                : one("core", null, "data").isPresent()
                        ? one("core", null, "data").get().path(base)
                        : base.resolve(CoreConfig.DEFAULT_DATA).normalize();
        CoreConfig core = new CoreConfig(data);
        List<InboxConfig> inboxes = inboxes(data);
        ReviewConfig review = review(inboxes);
        DigestConfig digest = digest(data);
        List<SubscriberConfig> subscribers = new SubscriberSections(this, inboxes, digest).read();
        return new LorebotConfig(file, core, inboxes, review, delivery(data), smtp(), web(),
                subscribers, commands(), digest, index());
    }

    /** The names of a named section, in file order. */
    Set<String> sectionNames(String section) {
        Set<String> names = new LinkedHashSet<>();
        for (ConfigLines.Header h : lines.headers()) {
            if (h.section().equalsIgnoreCase(section)) {
                names.add(h.subsection());
            }
        }
        names.addAll(config.getSubsections(section));
        return names;
    }

    /** A problem with a whole named section, reported at its header. */
    ConfigException sectionError(String section, String name, String problem) {
        return new ConfigException(file, lines.headerLine(section, name), section + "." + name, problem);
    }

    private List<InboxConfig> inboxes(Path data) throws ConfigException {
        Set<String> names = new LinkedHashSet<>();
        for (ConfigLines.Header h : lines.headers()) {
            if (h.section().equalsIgnoreCase("inbox")) {
                names.add(h.subsection());
            }
        }
        names.addAll(config.getSubsections("inbox"));
        List<InboxConfig> out = new ArrayList<>();
        for (String name : names) {
            Optional<Setting> path = one("inbox", name, "path");
            Optional<Setting> url = one("inbox", name, "url");
            URI uri = url.isPresent() ? url.get().httpUrl() : null;
            Path where;
            if (path.isPresent()) {
                where = path.get().path(base);
            } else if (uri != null) {
                where = data.resolve("mirrors").resolve(name);
            } else {
                throw new ConfigException(file, lines.headerLine("inbox", name), "inbox." + name,
                        "needs a path (a local archive) or a url (to mirror)");
            }
            String address = "";
            Optional<Setting> addr = one("inbox", name, "address");
            if (addr.isPresent()) {
                address = addr.get().address();
            }
            InboxConfig.ReplyTo replyTo = InboxConfig.ReplyTo.ALL;
            Optional<Setting> reply = one("inbox", name, "reply-to");
            if (reply.isPresent()) {
                replyTo = InboxConfig.ReplyTo.valueOf(
                        reply.get().choice(List.of("all", "author")).toUpperCase(Locale.ROOT));
            }
            InboxConfig.Fetch fetch = InboxConfig.Fetch.MIRROR;
            Optional<Setting> fetchSetting = one("inbox", name, "fetch");
            if (fetchSetting.isPresent()) {
                fetch = fetchSetting.get().bool() ? InboxConfig.Fetch.ALWAYS : InboxConfig.Fetch.NEVER;
                if (fetch == InboxConfig.Fetch.ALWAYS && uri == null) {
                    throw fetchSetting.get().error("there is no url to fetch from; set inbox." + name + ".url");
                }
            }
            out.add(new InboxConfig(name, where, uri, address, replyTo, fetch));
        }
        return out;
    }

    private ReviewConfig review(List<InboxConfig> inboxes) throws ConfigException {
        ReviewConfig d = ReviewConfig.defaults();
        List<String> names = inboxes.stream().map(InboxConfig::name).toList();
        List<String> lists = new ArrayList<>();
        for (Setting s : words("review", "lists")) {
            Optional<InboxConfig> inbox = inboxes.stream().filter(i -> i.name().equals(s.value())).findFirst();
            if (inbox.isEmpty()) {
                throw s.error("'" + s.value() + "' is not a configured inbox"
                        + Suggestion.didYouMean(s.value(), names)
                        + (names.isEmpty() ? "; add an [inbox \"" + s.value() + "\"] section" : ""));
            }
            if (inbox.get().address().isEmpty()) {
                throw s.error("inbox '" + s.value() + "' has no address; set inbox." + s.value()
                        + ".address to the list's posting address");
            }
            if (!lists.contains(s.value())) {
                lists.add(s.value());
            }
        }
        Optional<Instant> since = Optional.empty();
        Optional<Setting> sinceSetting = one("review", null, "since");
        if (sinceSetting.isPresent() && !sinceSetting.get().value().isEmpty()) {
            since = Optional.of(sinceSetting.get().instant());
        }
        String minSeverity = d.minSeverity();
        Optional<Setting> severity = one("review", null, "min-severity");
        if (severity.isPresent()) {
            minSeverity = severity.get().choice(ReviewConfig.SEVERITIES);
        }
        Duration grace = durationOr("grace", d.grace(), false);
        Duration embargo = durationOr("embargo", d.embargo(), false);
        Duration poll = durationOr("poll-interval", d.pollInterval(), true);
        Duration maxAge = durationOr("max-age", d.maxAge(), true);
        List<String> ignore = addresses("ignore-sender");
        List<String> maintainers = addresses("maintainer");
        int perHour = intOr("max-per-hour", d.maxPerHour());
        int perListPerDay = intOr("max-per-list-per-day", d.maxPerListPerDay());
        boolean noteRepeats = d.noteRepeats();
        Optional<Setting> repeats = one("review", null, "note-repeats");
        if (repeats.isPresent()) {
            noteRepeats = repeats.get().bool();
        }
        return new ReviewConfig(lists, since, minSeverity, grace, embargo, ignore, maintainers,
                perHour, perListPerDay, noteRepeats, poll, maxAge);
    }

    private Duration durationOr(String name, Duration fallback, boolean positive) throws ConfigException {
        Optional<Setting> s = one("review", null, name);
        if (s.isEmpty()) {
            return fallback;
        }
        return positive ? s.get().positiveDuration() : s.get().duration();
    }

    private int intOr(String name, int fallback) throws ConfigException {
        Optional<Setting> s = one("review", null, name);
        return s.isPresent() ? s.get().integer(1, 1_000_000) : fallback;
    }

    private List<String> addresses(String name) throws ConfigException {
        List<String> out = new ArrayList<>();
        for (Setting s : words("review", name)) {
            String a = s.address();
            if (!out.contains(a)) {
                out.add(a);
            }
        }
        return out;
    }

    private DeliveryConfig delivery(Path data) throws ConfigException {
        DeliveryConfig.Mode mode = DeliveryConfig.Mode.DRY_RUN;
        Optional<Setting> m = one("delivery", null, "mode");
        if (m.isPresent()) {
            mode = m.get().choice(List.of("dry-run", "send")).equals("send")
                    ? DeliveryConfig.Mode.SEND : DeliveryConfig.Mode.DRY_RUN;
        }
        Optional<Setting> outbox = one("delivery", null, "outbox");
        Path box = outbox.isPresent() ? outbox.get().path(base) : data.resolve("outbox");
        Optional<Setting> from = one("delivery", null, "from");
        String sender = from.isPresent() ? from.get().mailbox() : DeliveryConfig.DEFAULT_FROM;
        return new DeliveryConfig(mode, box, sender);
    }

    private SmtpConfig smtp() throws ConfigException {
        Optional<Setting> host = one("smtp", null, "host");
        String h = host.isPresent() ? host.get().text() : "localhost";
        SmtpConfig.Security security = SmtpConfig.Security.STARTTLS;
        Optional<Setting> sec = one("smtp", null, "security");
        if (sec.isPresent()) {
            security = SmtpConfig.Security.valueOf(
                    sec.get().choice(List.of("starttls", "smtps", "none")).toUpperCase(Locale.ROOT));
        }
        Optional<Setting> port = one("smtp", null, "port");
        int p = port.isPresent() ? port.get().integer(1, 65535) : security.defaultPort();
        Optional<Setting> user = one("smtp", null, "user");
        Optional<Setting> passwordFile = one("smtp", null, "password-file");
        Optional<Setting> passwordEnv = one("smtp", null, "password-env");
        if (passwordFile.isPresent() && passwordEnv.isPresent()) {
            throw passwordEnv.get().error("password-file is already set (line "
                    + passwordFile.get().line() + "); give one of them");
        }
        Path pwFile = passwordFile.isPresent() ? passwordFile.get().path(base) : null;
        String pwEnv = passwordEnv.isPresent() ? passwordEnv.get().environmentVariable() : "";
        String u = user.isPresent() ? user.get().value() : "";
        if (u.isEmpty() && (pwFile != null || !pwEnv.isEmpty())) {
            Setting given = passwordFile.isPresent() ? passwordFile.get() : passwordEnv.get();
            throw given.error("a password without smtp.user; set the login name too");
        }
        return new SmtpConfig(h, p, security, u, pwFile, pwEnv);
    }

    private WebConfig web() throws ConfigException {
        Optional<Setting> listen = one("web", null, "listen");
        Optional<Setting> url = one("web", null, "url");
        URI base = url.isPresent() && !url.get().value().isEmpty() ? url.get().httpUrl() : null;
        if (listen.isEmpty() || listen.get().value().isEmpty()) {
            return new WebConfig("", base);
        }
        return new WebConfig(listen.get().listen(), base);
    }

    private IndexConfig index() throws ConfigException {
        IndexConfig d = IndexConfig.defaults();
        Optional<Setting> backend = one("index", null, "backend");
        Optional<Setting> zk = one("index", null, "solr-zk");
        Optional<Setting> url = one("index", null, "solr-url");
        Optional<Setting> collection = one("index", null, "collection");
        Optional<Setting> shards = one("index", null, "shards");
        Optional<Setting> replicas = one("index", null, "replicas");
        IndexConfig.Backend b = backend.isPresent()
                ? IndexConfig.Backend.valueOf(backend.get().choice(IndexConfig.Backend.names())
                        .toUpperCase(Locale.ROOT))
                : d.backend();
        String zkHosts = zk.isPresent() ? zk.get().zkHosts() : "";
        java.net.URI solrUrl = url.isPresent() ? url.get().httpUrl() : null;
        if (zk.isPresent() && url.isPresent()) {
            throw url.get().error("index.solr-zk is already set (line " + zk.get().line()
                    + "); give one of them");
        }
        if (b == IndexConfig.Backend.SOLR && zk.isEmpty() && url.isEmpty()) {
            throw backend.get().error("the solr backend needs index.solr-zk (ZooKeeper hosts)"
                    + " or index.solr-url (a Solr node)");
        }
        String name = collection.isPresent() ? collection.get().collectionName() : d.collection();
        int s = shards.isPresent() ? shards.get().integer(1, 4096) : d.shards();
        int r = replicas.isPresent() ? replicas.get().integer(1, 64) : d.replicas();
        return new IndexConfig(b, zkHosts, solrUrl, name, s, r);
    }

    private CommandsConfig commands() throws ConfigException {
        CommandsConfig d = CommandsConfig.defaults();
        Optional<Setting> host = one("commands", null, "imap-host");
        String h = host.isPresent() ? host.get().value() : "";
        CommandsConfig.Security security = d.security();
        Optional<Setting> sec = one("commands", null, "security");
        if (sec.isPresent()) {
            security = CommandsConfig.Security.valueOf(
                    sec.get().choice(List.of("imaps", "starttls", "none")).toUpperCase(Locale.ROOT));
        }
        Optional<Setting> port = one("commands", null, "imap-port");
        int p = port.isPresent() ? port.get().integer(1, 65535) : security.defaultPort();
        Optional<Setting> user = one("commands", null, "user");
        Optional<Setting> passwordFile = one("commands", null, "password-file");
        Optional<Setting> folder = one("commands", null, "folder");
        String u = user.isPresent() ? user.get().text() : "";
        Path pw = passwordFile.isPresent() ? passwordFile.get().path(base) : null;
        if (!h.isEmpty() && (u.isEmpty() || pw == null)) {
            Setting at = host.get();
            throw at.error("the command mailbox needs commands.user and commands.password-file too");
        }
        if (h.isEmpty() && (user.isPresent() || passwordFile.isPresent())) {
            Setting at = user.isPresent() ? user.get() : passwordFile.get();
            throw at.error("set commands.imap-host, the server this login is for");
        }
        return new CommandsConfig(h, p, security, u, pw, folder.isPresent() ? folder.get().text() : d.folder());
    }

    private DigestConfig digest(Path data) throws ConfigException {
        DigestConfig d = DigestConfig.defaults(data);
        Optional<Setting> secret = one("digest", null, "secret-file");
        Optional<Setting> maintainers = one("digest", null, "maintainers-file");
        Optional<Setting> token = one("digest", null, "token-lifetime");
        Optional<Setting> unsubscribe = one("digest", null, "unsubscribe-lifetime");
        Optional<Setting> web = one("digest", null, "web-url");
        return new DigestConfig(secret.isPresent() ? secret.get().path(base) : d.secretFile(),
                maintainers.isPresent() ? maintainers.get().path(base) : null,
                token.isPresent() ? token.get().positiveDuration() : d.tokenLifetime(),
                unsubscribe.isPresent() ? unsubscribe.get().positiveDuration() : d.unsubscribeLifetime(),
                web.isPresent() && !web.get().value().isEmpty() ? web.get().httpUrl() : null);
    }
}
