package io.pulsereports.core.delivery;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a delivery stands. pending → sending → sent; sending → retrying → sending … → failed once
 * the attempts are spent (or at once on a permanent error); skipped when the period had no data
 * and the request asked to skip empty reports. sent, failed and skipped are final.
 */
public enum DeliveryStatus {
  PENDING,
  SENDING,
  RETRYING,
  SENT,
  FAILED,
  SKIPPED,
  /** Generated and stored for reading only; never sent. */
  PREVIEW;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean isFinal() {
    return this == SENT || this == FAILED || this == SKIPPED || this == PREVIEW;
  }

  public static Optional<DeliveryStatus> fromCode(String code) {
    for (DeliveryStatus status : values()) {
      if (status.code().equals(code.strip().toLowerCase(Locale.ROOT))) {
        return Optional.of(status);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return code();
  }
}
