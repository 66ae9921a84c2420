package io.pulsereports.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pulsereports.core.access.ApiToken;
import io.pulsereports.core.model.GymScope;
import io.pulsereports.core.access.NewApiToken;
import io.pulsereports.core.model.PeriodKind;
import io.pulsereports.core.model.ReportType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** API tokens over a fake repository: only hashes are stored, revoked and unknown tokens do not authenticate. */
class TokensTest {

  private static final String GYM_A = "3f0c9c1e-8a4b-4d43-9a43-2b4c1d2e3f40";
  private static final String GYM_B = "7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-05T12:00:00Z"));
  private final InMemoryTokenRepository repository = new InMemoryTokenRepository();

  private Reporting reporting() {
    return Reporting.builder()
        .clock(clock)
        .register(new ReportDefinition<>(new ReportType("tally"), PeriodKind.DAY, true, request -> null))
        .tokens(repository)
        .build();
  }

  @Test
  void aNewTokenIsShownOnceAndOnlyItsHashIsStored() {
    NewApiToken created = reporting().createToken(List.of(GYM_A, GYM_B, GYM_A), Optional.of(" CRM sync "));

    assertThat(created.secret()).matches("prt_[A-Za-z0-9_-]{43}");
    assertThat(created.toString()).doesNotContain(created.secret());
    ApiToken stored = repository.list().get(0);
    assertThat(stored).isEqualTo(created.token());
    assertThat(stored.tokenHash()).hasSize(64).isNotEqualTo(created.secret());
    assertThat(stored.toString()).doesNotContain(created.secret().substring(10));
    assertThat(stored.prefix()).isEqualTo(created.secret().substring(0, 10));
    assertThat(stored.name()).contains("CRM sync");
    assertThat(stored.gymIds()).containsExactlyInAnyOrder(UUID.fromString(GYM_A), UUID.fromString(GYM_B));
    assertThat(reporting().createToken(List.of(GYM_A), Optional.empty()).secret()).isNotEqualTo(created.secret());
  }

  @Test
  void aTokenAuthenticatesUntilItIsRevoked() {
    Reporting reporting = reporting();
    NewApiToken created = reporting.createToken(List.of(GYM_A), Optional.empty());

    assertThat(reporting.authenticate(created.secret())).contains(created.token());
    assertThat(reporting.authenticate(created.secret() + "x")).isEmpty();
    assertThat(reporting.authenticate("prt_" + "A".repeat(43))).isEmpty();
    assertThat(reporting.authenticate(null)).isEmpty();
    assertThat(created.token().sees(UUID.fromString(GYM_A))).isTrue();
    assertThat(created.token().sees(UUID.fromString(GYM_B))).isFalse();

    clock.advance(Duration.ofMinutes(1));
    ApiToken revoked = reporting.revokeToken(created.token().id().toString());
    assertThat(revoked.revokedAt()).contains(clock.instant());
    assertThat(reporting.authenticate(created.secret())).isEmpty();
    assertThat(reporting.revokeToken(created.token().id().toString())).isEqualTo(revoked);
  }

  @Test
  void aTokenSeesTheReportsWithoutAGymOnlyWhenCreatedForTheLearningReports() {
    Reporting reporting = reporting();
    Optional<GymScope> gymA = Optional.of(new GymScope(UUID.fromString(GYM_A), Optional.of(UUID.randomUUID())));
    Optional<GymScope> gymB = Optional.of(new GymScope(UUID.fromString(GYM_B), Optional.empty()));

    ApiToken gymOnly = reporting.createToken(List.of(GYM_A), Optional.empty()).token();
    ApiToken learningOnly = reporting.createToken(List.of(), true, Optional.empty()).token();
    ApiToken both = reporting.createToken(List.of(GYM_B), true, Optional.empty()).token();

    assertThat(gymOnly.sees(gymA)).isTrue();
    assertThat(gymOnly.sees(gymB)).isFalse();
    assertThat(gymOnly.sees(Optional.empty())).as("learning reports have no gym").isFalse();
    assertThat(learningOnly.gymIds()).isEmpty();
    assertThat(learningOnly.sees(Optional.empty())).isTrue();
    assertThat(learningOnly.sees(gymA)).isFalse();
    assertThat(both.sees(gymB)).isTrue();
    assertThat(both.sees(Optional.empty())).isTrue();
    assertThat(both.sees(gymA)).isFalse();
    assertThat(repository.list()).hasSize(3);
  }

  @Test
  void badInputNamesTheFieldAndStoresNothing() {
    Reporting reporting = reporting();
    assertThatThrownBy(() -> reporting.createToken(List.of(), Optional.empty()))
        .isInstanceOfSatisfying(InvalidReportRequestException.class, e -> assertThat(e.field()).isEqualTo("gym_id"));
    assertThatThrownBy(() -> reporting.createToken(List.of("gym-1"), Optional.empty()))
        .isInstanceOfSatisfying(InvalidReportRequestException.class, e -> assertThat(e.problem()).contains("not a UUID"));
    assertThatThrownBy(() -> reporting.createToken(List.of(GYM_A), Optional.of("a\nb")))
        .isInstanceOfSatisfying(InvalidReportRequestException.class, e -> assertThat(e.field()).isEqualTo("name"));
    assertThatThrownBy(() -> reporting.revokeToken(UUID.randomUUID().toString()))
        .isInstanceOfSatisfying(InvalidReportRequestException.class, e -> assertThat(e.field()).isEqualTo("token_id"));
    assertThat(repository.list()).isEmpty();
  }
}
