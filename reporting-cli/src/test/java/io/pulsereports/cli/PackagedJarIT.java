package io.pulsereports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded {@code target/reporting.jar} that the {@code ./reporting} script runs, started as a
 * real process: catches what in-process tests cannot (a dependency missing from the jar, logging
 * noise on the console).
 */
class PackagedJarIT {

  private static final Path JAR = Path.of("target", "reporting.jar");

  private record Result(int exitCode, String out, String err) {}

  private static Result run(Path workingDirectory, String... args) throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new java.util.ArrayList<>(List.of(java.toString(), "-jar", JAR.toAbsolutePath().toString()));
    command.addAll(List.of(args));
    Path out = workingDirectory.resolve("stdout.txt");
    Path err = workingDirectory.resolve("stderr.txt");
    Process process =
        new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the command finished").isTrue();
    // Lenient decoding: standard output may be a binary document (--format pdf --out -).
    return new Result(process.exitValue(), new String(Files.readAllBytes(out), StandardCharsets.UTF_8),
        new String(Files.readAllBytes(err), StandardCharsets.UTF_8));
  }

  @Test
  void demoRunsFromThePackagedJarAndWritesEveryFormat(@TempDir Path dir) throws Exception {
    Result demo = run(dir, "demo");

    assertThat(demo.exitCode()).as(demo.err()).isZero();
    List<Path> written = demo.out().lines().map(line -> dir.resolve(line)).toList();
    assertThat(written).isNotEmpty().allSatisfy(path -> assertThat(path).isNotEmptyFile());
    assertThat(written).extracting(path -> path.getFileName().toString().replaceAll(".*\\.", ""))
        .contains("json", "csv", "html", "pdf", "png");
    assertThat(dir.resolve("pulse-reports.db")).exists();
    assertThat(demo.err()).doesNotContain("Exception").doesNotContain("INFO");

    Result generate = run(dir, "generate", "--type", "weekly", "--gym-id", "df9fd78a-9ae9-36c3-b0ad-714b16cfe33b", "--out", "-");
    assertThat(generate.exitCode()).as(generate.err()).isZero();
    assertThat(generate.out()).startsWith("{").contains("\"report_type\": \"weekly\"");
    assertThat(generate.err()).isEmpty();

    // PDF through the jar's openhtmltopdf and PDFBox, as bytes on standard output, without log lines.
    Result pdf = run(dir, "generate", "--type", "learning-daily", "--format", "pdf", "--out", "-");
    assertThat(pdf.exitCode()).as(pdf.err()).isZero();
    byte[] bytes = Files.readAllBytes(dir.resolve("stdout.txt"));
    assertThat(new String(bytes, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    assertThat(new String(bytes, bytes.length - 7, 7, StandardCharsets.US_ASCII)).contains("%%EOF");
    assertThat(pdf.err()).isEmpty();
  }

  @Test
  void badInputFromThePackagedJarIsOneLineAndExitCodeTwo(@TempDir Path dir) throws Exception {
    Result result = run(dir, "generate", "--type", "daily", "--gym-id", "nope", "--db", "jdbc:sqlite:" + dir.resolve("x.db"));

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err().lines()).hasSize(1);
    assertThat(result.out()).isEmpty();
  }
}
