package io.pulsereports.core.model;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The number of inactive users and the first of them, newest last session first, ties by user_id
 * ascending (code point order).
 */
public record InactiveUsers(long count, List<InactiveUser> users) {

  public InactiveUsers {
    checkArgument(count >= 0, "count %s is negative", count);
    users = List.copyOf(requireNonNull(users, "users"));
    checkArgument(users.size() <= count, "%s users listed but count is %s", users.size(), count);
  }
}
