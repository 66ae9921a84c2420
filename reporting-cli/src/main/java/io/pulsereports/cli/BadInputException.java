package io.pulsereports.cli;

/** Bad input found by the CLI itself: the option and what is wrong with it. Exit code 2. */
final class BadInputException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  BadInputException(String option, String problem) {
    super(option + ": " + problem);
  }

  /** Refuses a numeric option below {@code minimum}. */
  static void requireAtLeast(String option, long value, long minimum) {
    if (value < minimum) {
      throw new BadInputException(option, "must be at least " + minimum + ", was " + value);
    }
  }
}
