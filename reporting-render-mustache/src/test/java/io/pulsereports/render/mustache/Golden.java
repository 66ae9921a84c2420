package io.pulsereports.render.mustache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares output with a file under {@code src/test/resources/golden}. Run with {@code
 * -Dgolden.update=true} to rewrite the files from the current output, then review the diff.
 */
final class Golden {

  static final Path DIRECTORY = Path.of("src", "test", "resources", "golden");

  private Golden() {}

  static void assertMatches(String fileName, byte[] actual) throws IOException {
    Path file = DIRECTORY.resolve(fileName);
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(DIRECTORY);
      Files.write(file, actual);
    }
    assertThat(file).as("golden file %s (regenerate with -Dgolden.update=true)", file).exists();
    String expected = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(new String(actual, StandardCharsets.UTF_8))
        .as("output differs from golden file %s (regenerate with -Dgolden.update=true)", file)
        .isEqualTo(expected);
  }
}
