package io.pulsereports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The {@code reporting} command as its own JVM, as a user runs it: its output collected line by
 * line (standard error merged in), stopped with SIGTERM like a service manager stops it.
 */
final class CliProcess implements AutoCloseable {

  private final Process process;
  private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
  private final Thread reader;

  private CliProcess(Process process) {
    this.process = process;
    this.reader = new Thread(() -> {
      try (BufferedReader out = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        out.lines().forEach(lines::add);
      } catch (java.io.IOException | java.io.UncheckedIOException e) {
        // the process ended
      }
    });
    reader.start();
  }

  /** Starts {@code reporting args…} without the database and SMTP settings of this environment. */
  static CliProcess start(String... args) throws java.io.IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
        ReportingCli.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().remove("REPORTING_DB_URL");
    builder.environment().remove("REPORTING_SMTP_HOST");
    return new CliProcess(builder.start());
  }

  /** Waits up to a minute for a line {@code match} finds something in; fails if the process ends first. */
  <T> T awaitLine(Function<String, Optional<T>> match) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      synchronized (lines) {
        for (String line : lines) {
          Optional<T> found = match.apply(line);
          if (found.isPresent()) {
            return found.get();
          }
        }
      }
      assertThat(process.isAlive()).as(output()).isTrue();
      Thread.sleep(50);
    }
    throw new AssertionError("no such line within a minute:\n" + output());
  }

  /** Sends SIGTERM and returns the exit status once the process has ended (143 after clean shutdown hooks). */
  int terminate() throws InterruptedException {
    // SIGTERM through the handle: Process.destroy() would also close our end of its output.
    assertThat(process.toHandle().destroy()).isTrue();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).as(output()).isTrue();
    reader.join(5000);
    return process.exitValue();
  }

  List<String> lines() {
    synchronized (lines) {
      return List.copyOf(lines);
    }
  }

  String output() {
    return String.join("\n", lines());
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
