package io.pulsereports.cli;

/** Bad input found by the CLI itself: the option and what is wrong with it. Exit code 2. */
final class BadInputException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  BadInputException(String option, String problem) {
    super(option + ": " + problem);
  }
}
