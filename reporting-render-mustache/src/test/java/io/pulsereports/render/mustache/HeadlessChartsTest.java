package io.pulsereports.render.mustache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Charts on a server: a fresh JVM whose {@code DISPLAY} names an X server that does not exist. Where
 * the application set nothing, the renderer makes AWT headless itself; where the application
 * insisted on a display, the failure is a {@code ReportingException} that says what to do.
 */
class HeadlessChartsTest {

  private static final String NO_SUCH_DISPLAY = ":97";

  @Test
  void drawsChartsInAFreshJvmWithoutADisplayWhenTheApplicationSetNothing() throws Exception {
    String output = probe(List.of());

    assertThat(output).contains("before=null after=true headless=true png=");
  }

  @Test
  void explainsTheFailureWhenTheApplicationAskedForADisplayThatIsNotThere() throws Exception {
    assumeTrue(System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux"), "X11 only");

    String output = probe(List.of("-Djava.awt.headless=false"));

    assertThat(output)
        .contains("before=false error=cannot draw the PNG chart 'Common mistakes")
        .contains("run with -Djava.awt.headless=true");
  }

  private static String probe(List<String> jvmOptions) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), HeadlessProbe.class.getName()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("DISPLAY", NO_SUCH_DISPLAY);
    builder.environment().remove("JAVA_TOOL_OPTIONS");
    builder.environment().remove("JDK_JAVA_OPTIONS");

    Process process = builder.start();
    byte[] bytes = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("probe finished").isTrue();
    String output = new String(bytes, StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as("probe exit code; output:%n%s", output).isZero();
    return output;
  }
}
