package io.pulsereports.core.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/** A user whose latest session started before the inactivity window. */
public record InactiveUser(String userId, Optional<String> email, String role, Instant lastSession) {

  public InactiveUser {
    requireNonNull(userId, "userId");
    requireNonNull(email, "email");
    requireNonNull(role, "role");
    requireNonNull(lastSession, "lastSession");
  }
}
