package io.pulsereports.core.metric;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.List;

/** SPEC {@code inactive_users}: how many, and the first of them. */
public record InactiveUsersBlock(long count, List<InactiveUserFigures> users) {

  public InactiveUsersBlock {
    checkArgument(count >= 0, "count %s is negative", count);
    users = List.copyOf(requireNonNull(users, "users"));
  }
}
