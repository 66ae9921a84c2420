package io.pulsereports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code reporting scheduler} as its own process: it starts, runs passes, and stops cleanly on SIGTERM. */
class SchedulerProcessIT {

  @TempDir Path folder;

  @Test
  void theSchedulerStopsCleanlyOnSigterm() throws Exception {
    String url = "jdbc:sqlite:" + folder.resolve("gyms.db");
    HandMadeLeadDatabase.create(url);
    try (CliProcess scheduler = CliProcess.start("scheduler", "--db", url, "--poll-interval", "200ms")) {
      scheduler.awaitLine(line -> Optional.of(line).filter(l -> l.startsWith("Scheduler started")));
      Thread.sleep(600); // a few passes

      // 143 = 128 + SIGTERM: the JVM's exit status after its shutdown hooks ran.
      assertThat(scheduler.terminate()).as(scheduler.output()).isEqualTo(143);
      assertThat(scheduler.lines()).anyMatch(line -> line.startsWith("Scheduler stopped at ")
          && line.endsWith("the work in hand was finished."));
      assertThat(scheduler.lines()).noneMatch(line -> line.contains("Exception") || line.contains("pass failed"));
      assertThat(Files.exists(folder.resolve("gyms.db"))).isTrue();
    }
  }
}
