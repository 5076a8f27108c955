package org.lorebot.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything lorebot is configured with, read from one git-config style file.
 *
 * @param source   the file this was read from, or null for the built-in defaults
 * @param core     {@code [core]}
 * @param inboxes  every {@code [inbox "NAME"]}, in file order
 * @param review   {@code [review]}
 * @param delivery {@code [delivery]}
 * @param smtp     {@code [smtp]}
 * @param web      {@code [web]}
 * @param subscribers every {@code [subscriber "ADDR"]}, in file order
 * @param commands {@code [commands]}
 * @param digest   {@code [digest]}
 * @param index    {@code [index]}
 */
public record LorebotConfig(Path source, CoreConfig core, List<InboxConfig> inboxes,
                            ReviewConfig review, DeliveryConfig delivery, SmtpConfig smtp,
                            WebConfig web, List<SubscriberConfig> subscribers,
                            CommandsConfig commands, DigestConfig digest, IndexConfig index) {

    public LorebotConfig {
        Objects.requireNonNull(core, "core");
        inboxes = List.copyOf(inboxes);
        Objects.requireNonNull(review, "review");
        Objects.requireNonNull(delivery, "delivery");
        Objects.requireNonNull(smtp, "smtp");
        Objects.requireNonNull(web, "web");
        subscribers = List.copyOf(subscribers);
        Objects.requireNonNull(commands, "commands");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(index, "index");
    }

    /** A configuration with the local index (the default {@code [index]}). */
    public LorebotConfig(Path source, CoreConfig core, List<InboxConfig> inboxes,
                         ReviewConfig review, DeliveryConfig delivery, SmtpConfig smtp,
                         WebConfig web, List<SubscriberConfig> subscribers,
                         CommandsConfig commands, DigestConfig digest) {
        this(source, core, inboxes, review, delivery, smtp, web, subscribers, commands, digest,
                IndexConfig.defaults());
    }

    /** A configuration without digest subscribers, mail commands or digest settings (defaults). */
    public LorebotConfig(Path source, CoreConfig core, List<InboxConfig> inboxes,
                         ReviewConfig review, DeliveryConfig delivery, SmtpConfig smtp,
                         WebConfig web) {
        this(source, core, inboxes, review, delivery, smtp, web, List.of(),
                CommandsConfig.defaults(), DigestConfig.defaults(core.data()));
    }

    /**
     * Reads a configuration file. Relative paths in it are taken from the file's directory.
     *
     * @throws ConfigException when the file cannot be read or holds anything lorebot does not accept;
     *                         the message names file, line and key
     */
    public static LorebotConfig load(Path file) throws ConfigException {
        return ConfigReader.read(file, null);
    }

    /**
     * Reads a configuration file with the data directory given on the command line, which beats
     * {@code [core] data}; the defaults that hang off the data directory (mirrors, outbox) follow it.
     */
    public static LorebotConfig load(Path file, Path dataOverride) throws ConfigException {
        return ConfigReader.read(file, dataOverride);
    }

    /**
     * Reads configuration text as if it were the file {@code file} (which need not exist); for
     * tests and for configuration that does not come from disk.
     */
    public static LorebotConfig parse(Path file, String text) throws ConfigException {
        return ConfigReader.parse(file, text, null);
    }

    /** The built-in defaults: no inboxes, muted, dry-run, with data kept in {@code dataDir}. */
    public static LorebotConfig defaults(Path dataDir) {
        Path data = dataDir.toAbsolutePath().normalize();
        return new LorebotConfig(null, new CoreConfig(data), List.of(), ReviewConfig.defaults(),
                new DeliveryConfig(DeliveryConfig.Mode.DRY_RUN, data.resolve("outbox"),
                        DeliveryConfig.DEFAULT_FROM),
                new SmtpConfig("localhost", SmtpConfig.Security.STARTTLS.defaultPort(),
                        SmtpConfig.Security.STARTTLS, "", null, ""),
                new WebConfig(""), List.of(), CommandsConfig.defaults(), DigestConfig.defaults(data));
    }

    /** The subscriber section for that address (case-insensitive). */
    public Optional<SubscriberConfig> subscriber(String address) {
        return subscribers.stream().filter(s -> s.address().equalsIgnoreCase(address)).findFirst();
    }

    /** The inbox of that name. */
    public Optional<InboxConfig> inbox(String name) {
        return inboxes.stream().filter(i -> i.name().equals(name)).findFirst();
    }
}
