package io.pulsereports.cli;

/** Bad input found by the CLI itself: the option and what is wrong with it. Exit code 2. */
final class BadInputException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  BadInputException(String option, String problem) {
    super(option + ": " + problem);
  }

  /** Refuses a --limit outside 1..{@code max} or a negative --offset. */
  static void requirePage(int limit, int offset, int max) {
    requireAtLeast("--limit", limit, 1);
    if (limit > max) {
      throw new BadInputException("--limit", limit + " is over the maximum " + max);
    }
    requireAtLeast("--offset", offset, 0);
  }

  /** The UUID {@code value} of {@code option}; otherwise bad input saying it is not {@code what}. */
  static java.util.UUID requireUuid(String option, String value, String what) {
    try {
      if (value.strip().length() == 36) {
        return java.util.UUID.fromString(value.strip());
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw new BadInputException(option, "'" + value + "' is not " + what);
  }

  static java.util.UUID requireUuid(String option, String value) {
    return requireUuid(option, value, "a UUID");
  }

  /** Refuses a numeric option below {@code minimum}. */
  static void requireAtLeast(String option, long value, long minimum) {
    if (value < minimum) {
      throw new BadInputException(option, "must be at least " + minimum + ", was " + value);
    }
  }
}
