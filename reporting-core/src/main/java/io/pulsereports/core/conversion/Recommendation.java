package io.pulsereports.core.conversion;

/** What to do with a user a conversion rule selected; the name is what the report shows. */
public enum Recommendation {
  /** Offer the paid executive coaching plan. */
  SEND_EXECUTIVE_OFFER
}
