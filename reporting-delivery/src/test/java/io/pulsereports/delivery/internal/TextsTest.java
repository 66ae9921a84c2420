package io.pulsereports.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextsTest {

  @Test
  void truncatesWithAnEllipsisWithinTheLimit() {
    assertThat(Texts.truncate("short", 10)).isEqualTo("short");
    assertThat(Texts.truncate("exactly10!", 10)).isEqualTo("exactly10!");
    assertThat(Texts.truncate("a bit too long", 10)).isEqualTo("a bit too…").hasSize(10);
  }

  @Test
  void neverSplitsASurrogatePair() {
    String text = "ab😀cd";
    assertThat(Texts.truncate(text, 4)).isEqualTo("ab…");
    assertThat(Texts.truncate(text, 5)).isEqualTo("ab😀…");
  }

  @Test
  void keepsTheFirstLineWithoutControlCharacters() {
    assertThat(Texts.singleLine("  451 4.3.0\tTry   later\r\n451 more", 100)).isEqualTo("451 4.3.0 Try later");
    assertThat(Texts.singleLine("x".repeat(50), 10)).hasSize(10).endsWith("…");
  }

  @Test
  void scrubsSecrets() {
    assertThat(Texts.scrub("user:pw and pw again", "pw", null, "")).isEqualTo("user:*** and *** again");
  }
}
