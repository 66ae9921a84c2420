package io.pulsereports.delivery.internal;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/** Length limits and clean-up for texts that go into messages, reasons and logs. */
public final class Texts {

  /** The mark that ends a shortened text. */
  public static final String ELLIPSIS = "…";

  private Texts() {}

  /**
   * {@code text} if it has at most {@code max} characters (UTF-16 units, as Slack and most limits
   * count), else its start and an ellipsis, {@code max} characters in all, never splitting a
   * surrogate pair.
   */
  public static String truncate(String text, int max) {
    requireNonNull(text, "text");
    checkArgument(max >= 1, "max %s is below 1", max);
    if (text.length() <= max) {
      return text;
    }
    int end = max - ELLIPSIS.length();
    if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, Math.max(end, 0)) + ELLIPSIS;
  }

  /**
   * The first line of {@code text} with control characters replaced by spaces and runs of spaces
   * collapsed, at most {@code max} characters: what a server said, fit for a reason or a log line.
   */
  public static String singleLine(String text, int max) {
    requireNonNull(text, "text");
    String stripped = text.strip();
    int newline = indexOfLineBreak(stripped);
    String first = newline < 0 ? stripped : stripped.substring(0, newline);
    StringBuilder clean = new StringBuilder(first.length());
    for (int i = 0; i < first.length(); i++) {
      char c = first.charAt(i);
      clean.append(Character.isISOControl(c) ? ' ' : c);
    }
    return truncate(clean.toString().replaceAll(" {2,}", " ").strip(), max);
  }

  /** {@code text} with every occurrence of each non-empty secret replaced by {@code ***}. */
  public static String scrub(String text, String... secrets) {
    requireNonNull(text, "text");
    String result = text;
    for (String secret : secrets) {
      if (secret != null && !secret.isEmpty()) {
        result = result.replace(secret, "***");
      }
    }
    return result;
  }

  /** Whether {@code text} contains a CR, an LF or any other control character. */
  public static boolean hasControlCharacters(String text) {
    return text.chars().anyMatch(Character::isISOControl);
  }

  private static int indexOfLineBreak(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n' || text.charAt(i) == '\r') {
        return i;
      }
    }
    return -1;
  }
}
