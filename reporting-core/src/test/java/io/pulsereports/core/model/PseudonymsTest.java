package io.pulsereports.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PseudonymsTest {

  private final Pseudonyms pseudonyms = Pseudonyms.withKey("a-test-key-of-32-characters-long");

  @Test
  void theSameIdentifierGetsTheSamePseudonymInEveryRun() {
    assertThat(pseudonyms.userId("u-17")).isEqualTo(Pseudonyms.withKey("a-test-key-of-32-characters-long").userId("u-17"));
    assertThat(pseudonyms.userId("u-17")).matches("user_[0-9a-f]{20}").doesNotContain("u-17");
  }

  @Test
  void anotherKeyGivesOtherPseudonyms() {
    assertThat(Pseudonyms.withKey("another-key-of-enough-length").userId("u-17")).isNotEqualTo(pseudonyms.userId("u-17"));
  }

  @Test
  void emailsBecomeUndeliverableAddressesIgnoringCase() {
    assertThat(pseudonyms.email("Ana@Example.com")).isEqualTo(pseudonyms.email("ana@example.com"))
        .endsWith("@anonymized.invalid").doesNotContain("ana");
  }

  @Test
  void aShortKeyIsRefusedAndTheKeyIsNeverShown() {
    assertThatThrownBy(() -> Pseudonyms.withKey("short")).isInstanceOf(IllegalArgumentException.class);
    assertThat(pseudonyms.toString()).doesNotContain("a-test-key");
  }
}
