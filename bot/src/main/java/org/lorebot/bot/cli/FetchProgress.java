package org.lorebot.bot.cli;

import java.io.PrintWriter;

import org.eclipse.jgit.lib.EmptyProgressMonitor;
import org.eclipse.jgit.lib.ProgressMonitor;
import org.eclipse.jgit.lib.TextProgressMonitor;

/**
 * Progress of a mirror update: JGit's own transfer progress on a terminal; in logs and pipes one
 * line per epoch cloned or fetched, without the in-place counters.
 */
final class FetchProgress {

    private FetchProgress() {
    }

    static ProgressMonitor monitor(String list, PrintWriter err) {
        if (System.console() != null) {
            return new TextProgressMonitor(err);
        }
        return new EmptyProgressMonitor() {
            @Override
            public void beginTask(String title, int totalWork) {
                // The mirror names each epoch's transfer; JGit's sub-steps would only be noise here.
                if (title.startsWith("Cloning ") || title.startsWith("Fetching ")) {
                    err.println(list + ": " + title);
                    err.flush();
                }
            }
        };
    }
}
