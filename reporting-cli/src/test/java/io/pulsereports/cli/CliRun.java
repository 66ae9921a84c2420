package io.pulsereports.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/** One in-process run of the {@code reporting} command and what it printed. */
record CliRun(int exitCode, String out, String err) {

  /** 2026-03-11 12:00 UTC: "yesterday" in New York is 2026-03-10. */
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-11T12:00:00Z"), ZoneOffset.UTC);

  static CliRun of(String... args) {
    return withEnv(Map.of(), args);
  }

  static CliRun withEnv(Map<String, String> env, String... args) {
    return at(CLOCK, env, args);
  }

  /** A run at the time {@code clock} tells, e.g. when a scheduled subscription is due. */
  static CliRun at(Clock clock, Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        ReportingCli.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            env,
            clock);
    return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
