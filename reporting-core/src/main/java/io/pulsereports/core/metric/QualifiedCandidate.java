package io.pulsereports.core.metric;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.pulsereports.core.conversion.ConversionOutcome;

/**
 * A conversion candidate as the report lists it, with the rule's decision behind it: the
 * qualifying sessions (newest first) a trigger records and an offer quotes.
 */
public record QualifiedCandidate(ConversionCandidate candidate, ConversionOutcome.Qualified qualification) {

  public QualifiedCandidate {
    requireNonNull(candidate, "candidate");
    requireNonNull(qualification, "qualification");
    checkArgument(
        candidate.sessions() == qualification.sessions(),
        "candidate sessions %s != %s qualifying sessions",
        candidate.sessions(),
        qualification.sessions());
  }

  public String userId() {
    return candidate.userId();
  }
}
