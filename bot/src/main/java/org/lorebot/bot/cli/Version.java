package org.lorebot.bot.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads the version Maven stamped into the jar manifest. */
public final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Lorebot.class.getPackage().getImplementationVersion();
        return new String[] {"lorebot " + (v == null ? "(development build)" : v)};
    }
}
