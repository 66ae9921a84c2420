package io.pulsereports.cli;

import java.io.PrintStream;
import java.util.function.LongConsumer;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar on standard error for long work measured in rows. */
final class Progress implements AutoCloseable, LongConsumer {

  private final ProgressBar bar;

  Progress(String task, long total, PrintStream err) {
    this(task, total, " rows", err);
  }

  /** A bar counting {@code unit} (" reports", say) instead of rows. */
  Progress(String task, long total, String unit, PrintStream err) {
    this.bar =
        new ProgressBarBuilder()
            .setTaskName(task)
            .setInitialMax(total)
            .setUnit(unit, 1)
            .setStyle(ProgressBarStyle.ASCII)
            .setConsumer(new ConsoleProgressBarConsumer(err))
            .setUpdateIntervalMillis(250)
            .showSpeed()
            .build();
  }

  @Override
  public void accept(long rows) {
    bar.stepBy(rows);
  }

  @Override
  public void close() {
    bar.close();
  }
}
