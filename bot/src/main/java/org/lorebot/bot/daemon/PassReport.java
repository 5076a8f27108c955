package org.lorebot.bot.daemon;

import java.util.List;
import org.lorebot.bot.state.DispatchReport;

/** What one pass of the daemon did: per inbox, then the outbox. */
public record PassReport(List<InboxReport> inboxes, DispatchReport dispatch) {
    public PassReport {
        inboxes = List.copyOf(inboxes);
    }

    /** Reviews queued over all inboxes. */
    public int queued() {
        return inboxes.stream().mapToInt(InboxReport::queued).sum();
    }
}
