package io.pulsereports.core.port.in;

import static java.util.Objects.requireNonNull;

import io.pulsereports.core.model.ReportPeriod;
import java.util.List;

/**
 * The outcome of a conversion offers run: the day and mode, the trigger type, the day's
 * candidates in the report's order (avg_score desc, sessions desc, user_id) with what happened to
 * each, and the users already sent the offer for that day, who are therefore no longer candidates
 * (by user_id; always {@link OfferOutcome.AlreadySent}; empty when listing).
 */
public record SendConversionOffersResult(
    ReportPeriod day,
    SendConversionOffersCommand.Mode mode,
    String triggerType,
    List<CandidateOffer> candidates,
    List<CandidateOffer> alreadyOffered) {

  public SendConversionOffersResult {
    requireNonNull(day, "day");
    requireNonNull(mode, "mode");
    requireNonNull(triggerType, "triggerType");
    candidates = List.copyOf(requireNonNull(candidates, "candidates"));
    alreadyOffered = List.copyOf(requireNonNull(alreadyOffered, "alreadyOffered"));
  }

  /** Candidates and already offered users, in that order. */
  public List<CandidateOffer> all() {
    return java.util.stream.Stream.concat(candidates.stream(), alreadyOffered.stream()).toList();
  }

  /**
   * How many entries (candidates and already offered users) have an outcome of this kind, such as
   * {@code OfferOutcome.SendFailed.class}.
   */
  public long count(Class<? extends OfferOutcome> kind) {
    return all().stream().filter(offer -> kind.isInstance(offer.outcome())).count();
  }

  /** Whether an offer could not be sent (a later run sends it). */
  public boolean anySendFailed() {
    return count(OfferOutcome.SendFailed.class) > 0;
  }
}
