package io.pulsereports.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulsereports.persistence.jdbc.JdbiLeadActivityRepository.GymRange;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The gym id ranges the every-branch readers split the gyms into. */
class GymRangeTest {

  private static final List<String> IDS =
      List.of("", "0", "00000000-0000-0000-0000-000000000000", "3fffffff", "4", "7zzz", "8", "9f",
          "A1B2C3D4-0000-0000-0000-000000000000", "F0", "a", "bfff", "c", "df9fd78a-9ae9-36c3-b0ad-714b16cfe33b",
          "f", "ffffffff-ffff-ffff-ffff-ffffffffffff", "g", "gym-7", "z", "~", "\u00e9cole");

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 6, 8, 16, 32})
  void everyIdTextFallsInExactlyOneRange(int n) {
    List<GymRange> ranges = GymRange.split(n);

    assertThat(ranges).hasSize(Integer.highestOneBit(Math.min(n, 16)));
    for (String id : IDS) {
      assertThat(ranges.stream().filter(range -> holds(range, id)).count()).as(id).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 4, 8, 16})
  void uuidsAreSpreadEvenlyByTheirFirstHexDigit(int n) {
    List<GymRange> ranges = GymRange.split(n);

    for (int digit = 0; digit < 16; digit++) {
      String id = Integer.toHexString(digit) + "0000000-0000-0000-0000-000000000000";
      int expected = digit * n / 16;
      assertThat(holds(ranges.get(expected), id)).as(id).isTrue();
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1})
  void oneRangeIsNoFilter(int n) {
    assertThat(GymRange.split(n)).containsExactly(GymRange.ALL);
    assertThat(GymRange.ALL.filter()).isEqualTo("1 = 1");
  }

  /** The range's SQL condition, evaluated as SQLite's BINARY collation compares ASCII text. */
  private static boolean holds(GymRange range, String id) {
    Optional<String> from = range.from();
    Optional<String> to = range.to();
    return from.map(f -> id.compareTo(f) >= 0).orElse(true) && to.map(t -> id.compareTo(t) < 0).orElse(true);
  }
}
