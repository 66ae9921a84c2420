package io.pulsereports.core.conversion;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The offer one user is about to receive, as an offer renderer needs it: who (the address the
 * greeting is derived from), why (the qualifying sessions: how many, their mean and their scores,
 * newest first, and the rule they beat), on what terms, and until when.
 *
 * @param triggerId the conversion trigger the offer belongs to (for links that record acceptance)
 * @param day the local date the candidates were selected for
 * @param validUntil the last day the offer is valid (see {@link OfferTerms#validUntil})
 */
public record ConversionOffer(
    String triggerId,
    String userId,
    String email,
    int sessions,
    double avgScore,
    List<Double> scores,
    ConversionRule rule,
    OfferTerms terms,
    LocalDate day,
    ZoneId zone,
    LocalDate validUntil) {

  public ConversionOffer {
    requireNonNull(triggerId, "triggerId");
    requireNonNull(userId, "userId");
    requireNonNull(email, "email");
    checkArgument(sessions >= 1, "sessions %s is below 1", sessions);
    checkArgument(Double.isFinite(avgScore), "avgScore %s is not finite", avgScore);
    scores = List.copyOf(requireNonNull(scores, "scores"));
    requireNonNull(rule, "rule");
    requireNonNull(terms, "terms");
    requireNonNull(day, "day");
    requireNonNull(zone, "zone");
    requireNonNull(validUntil, "validUntil");
  }
}
