package io.pulsereports.core.delivery;

import java.util.Locale;
import java.util.Optional;

/** The channel a delivery goes through; {@link #code()} is its stored and typed name. */
public enum DeliveryMethod {
  EMAIL,
  SLACK;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<DeliveryMethod> fromCode(String code) {
    for (DeliveryMethod method : values()) {
      if (method.code().equals(code.strip().toLowerCase(Locale.ROOT))) {
        return Optional.of(method);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return code();
  }
}
