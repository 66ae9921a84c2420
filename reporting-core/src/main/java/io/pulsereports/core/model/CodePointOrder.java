package io.pulsereports.core.model;

import java.util.Comparator;

/** Binary (Unicode code point) order of strings, independent of any locale collation. */
public enum CodePointOrder implements Comparator<String> {
  INSTANCE;

  @Override
  public int compare(String left, String right) {
    int i = 0;
    int j = 0;
    while (i < left.length() && j < right.length()) {
      int a = left.codePointAt(i);
      int b = right.codePointAt(j);
      if (a != b) {
        return Integer.compare(a, b);
      }
      i += Character.charCount(a);
      j += Character.charCount(b);
    }
    return Integer.compare(left.length() - i, right.length() - j);
  }
}
