package org.lorebot.bot.cli;

import java.nio.file.Path;
import java.util.Locale;

import org.lorebot.config.InboxConfig;

/** The list name an archive given on the command line is ingested under, when --list is not given. */
final class ListNames {

    private static final String[] EXTENSIONS = {".mbox.gz", ".mbx.gz", ".gz", ".mbox", ".mbx", ".git"};

    private ListNames() {
    }

    /**
     * The directory or file name without its extension: {@code mirrors/linux-mtd} is
     * {@code linux-mtd}, {@code lkml.mbox.gz} is {@code lkml}. A v2 epoch given on its own
     * ({@code linux-mtd/git/0.git}) is named after its inbox.
     */
    static String fromSource(Path source) {
        Path abs = source.toAbsolutePath().normalize();
        String name = strip(abs.getFileName() == null ? "" : abs.getFileName().toString());
        Path parent = abs.getParent();
        if (name.matches("\\d+") && parent != null && parent.getFileName() != null
                && parent.getFileName().toString().equals("git") && parent.getParent() != null
                && parent.getParent().getFileName() != null) {
            name = parent.getParent().getFileName().toString();
        }
        return name;
    }

    private static String strip(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        for (String ext : EXTENSIONS) {
            if (lower.endsWith(ext) && lower.length() > ext.length()) {
                return fileName.substring(0, fileName.length() - ext.length());
            }
        }
        return fileName;
    }

    /** Checks a list name the user gave, the same way the configuration does. */
    static String check(String name, String what) {
        if (!InboxConfig.NAME.matcher(name).matches()) {
            throw new InputException(what + " '" + name
                    + "' is not a list name (letters, digits, '.', '_' and '-'); give one with --list");
        }
        return name;
    }
}
