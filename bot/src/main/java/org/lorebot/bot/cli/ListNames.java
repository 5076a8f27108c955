package org.lorebot.bot.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.lorebot.config.InboxConfig;

/** The list name an archive given on the command line is ingested under, when --list is not given. */
final class ListNames {


    private ListNames() {
    }

    /**
     * The directory or file name without its extension: {@code mirrors/linux-mtd} is
     * {@code linux-mtd}, {@code lkml.mbox.gz} is {@code lkml}, {@code 0.git} is {@code 0}. A v2
     * epoch given on its own ({@code linux-mtd/git/0.git}) is named after its inbox.
     */
    static String fromSource(Path source) {
        Path abs = source.toAbsolutePath().normalize();
        String fileName = abs.getFileName() == null ? "" : abs.getFileName().toString();
        String name = Files.isDirectory(abs) ? stripGit(fileName) : stripExtension(fileName);
        Path parent = abs.getParent();
        if (name.matches("\\d+") && parent != null && parent.getFileName() != null
                && parent.getFileName().toString().equals("git") && parent.getParent() != null
                && parent.getParent().getFileName() != null) {
            name = parent.getParent().getFileName().toString();
        }
        return name;
    }

    private static String stripGit(String dirName) {
        return dirName.length() > 4 && dirName.toLowerCase(Locale.ROOT).endsWith(".git")
                ? dirName.substring(0, dirName.length() - 4) : dirName;
    }

    /** {@code x.mbox.gz} and {@code x.mbox} are both {@code x}. */
    private static String stripExtension(String fileName) {
        String name = fileName;
        if (name.toLowerCase(Locale.ROOT).endsWith(".gz") && name.length() > 3) {
            name = name.substring(0, name.length() - 3);
        }
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
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
