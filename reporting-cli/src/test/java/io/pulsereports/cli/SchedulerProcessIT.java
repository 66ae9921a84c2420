package io.pulsereports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code reporting scheduler} as its own process: it starts, runs passes, and stops cleanly on SIGTERM. */
class SchedulerProcessIT {

  @TempDir Path folder;

  @Test
  void theSchedulerStopsCleanlyOnSigterm() throws Exception {
    String url = "jdbc:sqlite:" + folder.resolve("gyms.db");
    HandMadeLeadDatabase.create(url);
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder builder = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
        ReportingCli.class.getName(), "scheduler", "--db", url, "--poll-interval", "200ms")
        .redirectErrorStream(true);
    builder.environment().remove("REPORTING_DB_URL");
    builder.environment().remove("REPORTING_SMTP_HOST");
    Process process = builder.start();
    List<String> lines = Collections.synchronizedList(new ArrayList<>());
    Thread reader = new Thread(() -> {
      try (BufferedReader out = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        out.lines().forEach(lines::add);
      } catch (java.io.IOException | java.io.UncheckedIOException e) {
        // the process ended
      }
    });
    reader.start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (lines.stream().noneMatch(line -> line.startsWith("Scheduler started")) && System.nanoTime() < deadline) {
        assertThat(process.isAlive()).as(String.join("\n", lines)).isTrue();
        Thread.sleep(50);
      }
      assertThat(lines).as("started").anyMatch(line -> line.startsWith("Scheduler started"));
      Thread.sleep(600); // a few passes

      // SIGTERM through the handle: Process.destroy() would also close our end of its output.
      assertThat(process.toHandle().destroy()).isTrue();

      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
      reader.join(5000);
      // 143 = 128 + SIGTERM: the JVM's exit status after its shutdown hooks ran.
      assertThat(process.exitValue()).as(String.join("\n", lines)).isEqualTo(143);
      assertThat(lines).anyMatch(line -> line.startsWith("Scheduler stopped at ")
          && line.endsWith("the work in hand was finished."));
      assertThat(lines).noneMatch(line -> line.contains("Exception") || line.contains("pass failed"));
      assertThat(Files.exists(folder.resolve("gyms.db"))).isTrue();
    } finally {
      process.destroyForcibly();
    }
  }
}
