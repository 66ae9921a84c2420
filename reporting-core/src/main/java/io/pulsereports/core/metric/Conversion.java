package io.pulsereports.core.metric;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.List;

/**
 * SPEC {@code conversion}: the candidates (avg_score descending, sessions descending, user_id
 * ascending), their number, the offer price and currency, and candidates × price.
 */
public record Conversion(
    List<ConversionCandidate> candidates,
    int candidateCount,
    BigDecimal offerPrice,
    String currency,
    BigDecimal revenuePotential) {

  public Conversion {
    candidates = List.copyOf(requireNonNull(candidates, "candidates"));
    checkArgument(candidateCount == candidates.size(), "candidateCount %s != %s candidates",
        candidateCount, candidates.size());
    requireNonNull(offerPrice, "offerPrice");
    requireNonNull(currency, "currency");
    requireNonNull(revenuePotential, "revenuePotential");
  }
}
