package io.pulsereports.delivery.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

  static final Instant NOW = Instant.parse("2026-11-20T08:00:00Z");

  @Test
  void readsSecondsAndHttpDates() {
    assertThat(RetryAfter.parse("7", NOW)).contains(Duration.ofSeconds(7));
    assertThat(RetryAfter.parse(" 0 ", NOW)).contains(Duration.ZERO);
    assertThat(RetryAfter.parse("Fri, 20 Nov 2026 08:00:45 GMT", NOW)).contains(Duration.ofSeconds(45));
    assertThat(RetryAfter.parse("Fri, 20 Nov 2026 07:59:00 GMT", NOW)).contains(Duration.ZERO);
  }

  @Test
  void capsLongWaitsAtAnHour() {
    assertThat(RetryAfter.parse("86400", NOW)).contains(Duration.ofHours(1));
    assertThat(RetryAfter.parse("Sat, 21 Nov 2026 08:00:00 GMT", NOW)).contains(Duration.ofHours(1));
  }

  @Test
  void ignoresWhatItCannotRead() {
    assertThat(RetryAfter.parse(null, NOW)).isEmpty();
    assertThat(RetryAfter.parse("", NOW)).isEmpty();
    assertThat(RetryAfter.parse("-5", NOW)).isEmpty();
    assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
    assertThat(RetryAfter.parse("1.5", NOW)).isEmpty();
  }
}
