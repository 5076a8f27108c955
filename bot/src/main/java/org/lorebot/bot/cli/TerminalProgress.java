package org.lorebot.bot.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A terminal progress bar (me.tongfei:progressbar) with rate and time left, redrawn in place. */
final class TerminalProgress implements ProgressDisplay {

    private final ProgressBar bar;
    private long total;

    TerminalProgress(String task, long total) {
        this.total = total;
        this.bar = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .setUnit(" msgs", 1)
                .showSpeed()
                .setUpdateIntervalMillis(200)
                .build();
    }

    @Override
    public void update(long done) {
        bar.stepTo(done);
    }

    @Override
    public void update(long done, long total) {
        if (total != this.total) {
            this.total = total;
            bar.maxHint(total);
        }
        update(done);
    }

    @Override
    public void close() {
        bar.close();
    }
}
