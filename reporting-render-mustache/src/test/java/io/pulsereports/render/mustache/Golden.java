package io.pulsereports.render.mustache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Compares output with a file under {@code src/test/resources/golden}. Run with {@code
 * -Dgolden.update=true} to rewrite the files from the current output, then review the diff.
 */
final class Golden {

  static final Path DIRECTORY = Path.of("src", "test", "resources", "golden");

  private static final Pattern PNG_DATA_URI = Pattern.compile("data:image/png;base64,[A-Za-z0-9+/]++(?:&#61;){0,2}");

  private Golden() {}

  /**
   * The document with the payload of every embedded PNG replaced by a marker: a chart's glyphs come
   * from the machine's fonts, so its bytes are compared elsewhere (against the PNG part), not here.
   */
  static byte[] withoutImageData(byte[] html) {
    String text = new String(html, StandardCharsets.UTF_8);
    return PNG_DATA_URI.matcher(text).replaceAll("data:image/png;base64,PNG-DATA-NOT-COMPARED")
        .getBytes(StandardCharsets.UTF_8);
  }

  static void assertMatches(String fileName, byte[] actual) throws IOException {
    assertMatches(DIRECTORY, fileName, actual);
  }

  /** Whether this run rewrites the golden files instead of comparing with them. */
  static boolean updating() {
    return Boolean.getBoolean("golden.update");
  }

  static void assertMatches(Path directory, String fileName, byte[] actual) throws IOException {
    Path file = directory.resolve(fileName);
    if (updating()) {
      Files.createDirectories(file.getParent());
      Files.write(file, actual);
    }
    assertThat(file).as("golden file %s (regenerate with -Dgolden.update=true)", file).exists();
    String expected = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(new String(actual, StandardCharsets.UTF_8))
        .as("output differs from golden file %s (regenerate with -Dgolden.update=true)", file)
        .isEqualTo(expected);
  }
}
