package io.pulsereports.core.conversion;

/** Whether a user was already sent an offer within the cooldown before the report date. */
public enum PriorOffer {
  /** No offer sent within the cooldown: the user may be selected. */
  NONE,
  /** An offer was sent within the cooldown: the user is not offered again yet. */
  SENT_WITHIN_COOLDOWN
}
