package org.lorebot.bot.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

import org.lorebot.bot.fetch.FetchPolicy;
import org.lorebot.config.InboxConfig;
import org.lorebot.config.LorebotConfig;
import org.lorebot.index.MailIndex;
import org.lorebot.index.archive.Mirror;
import org.lorebot.index.archive.MirrorUpdate;

/**
 * Brings inboxes up to date: mirrors those with a {@code url} from their public archive, then
 * ingests what is new ({@code fetch}, and each pass of {@code run}). One inbox failing (server down, broken archive) is reported and the others
 * go on.
 */
final class Updater {

    private final PrintWriter out;
    private final PrintWriter err;

    Updater(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    /**
     * Updates the inboxes, fetching those with a url first.
     *
     * @return how many inboxes failed
     */
    int update(LorebotConfig config, List<InboxConfig> inboxes) throws IOException {
        int failed = 0;
        Ingestion ingestion = new Ingestion(out, err);
        try (MailIndex index = IndexAccess.open(config)) {
            for (InboxConfig inbox : inboxes) {
                if (FetchPolicy.fetches(inbox) && !fetch(inbox)) {
                    failed++;
                    continue;
                }
                if (ingestion.ingest(index, inbox.name(), inbox.path()).isEmpty()) {
                    failed++;
                }
            }
        }
        return failed;
    }

    boolean fetch(InboxConfig inbox) {
        return fetch(inbox, true);
    }

    /**
     * Clones or fetches the inbox's epochs from its url, printing a line per epoch (only those
     * that changed unless {@code reportUnchanged}); false, after saying why, when it failed.
     */
    boolean fetch(InboxConfig inbox, boolean reportUnchanged) {
        Mirror mirror = new Mirror(inbox.url().toString(), inbox.path());
        try {
            List<MirrorUpdate> updates = mirror.update(FetchProgress.monitor(inbox.name(), err));
            for (MirrorUpdate u : updates) {
                if (reportUnchanged || u.before() == null || u.changed()) {
                    out.println(inbox.name() + ": " + u.epoch() + " " + describe(u));
                }
            }
            out.flush();
            return true;
        } catch (IOException e) {
            err.println("lorebot: " + inbox.name() + ": " + e.getMessage());
            err.flush();
            return false;
        } catch (RuntimeException e) {
            // A transport library failing inside (seen: JGit on a "dumb" HTTP server) must not stop
            // the other inboxes.
            err.println("lorebot: " + inbox.name() + ": fetching " + inbox.url() + " failed: " + e);
            err.flush();
            return false;
        }
    }

    private static String describe(MirrorUpdate u) {
        if (u.before() == null) {
            return "cloned from " + u.url() + (u.after() == null ? " (empty)" : " at " + abbreviate(u.after()));
        }
        if (!u.changed()) {
            return "up to date at " + abbreviate(u.after());
        }
        return "fetched " + abbreviate(u.before()) + ".." + abbreviate(u.after());
    }

    private static String abbreviate(String commit) {
        return commit == null ? "(none)" : commit.substring(0, Math.min(12, commit.length()));
    }
}
