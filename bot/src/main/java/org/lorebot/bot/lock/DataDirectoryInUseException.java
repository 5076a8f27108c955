package org.lorebot.bot.lock;

import java.nio.file.Path;

/** Another lorebot process holds the data directory. */
public final class DataDirectoryInUseException extends RuntimeException {

    public DataDirectoryInUseException(Path dataDirectory, String pid) {
        super(dataDirectory + " is in use by another lorebot (pid " + pid + ")");
    }
}
