package io.pulsereports.core.metric;

import static java.util.Objects.requireNonNull;

import java.time.OffsetDateTime;
import java.util.Optional;

/** One inactive user as the report lists it; last_session in the report's time zone. */
public record InactiveUserFigures(String userId, Optional<String> email, String role, OffsetDateTime lastSession) {

  public InactiveUserFigures {
    requireNonNull(userId, "userId");
    requireNonNull(email, "email");
    requireNonNull(role, "role");
    requireNonNull(lastSession, "lastSession");
  }
}
