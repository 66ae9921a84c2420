package io.pulsereports.core.port.out;

import static java.util.Objects.requireNonNull;

import io.pulsereports.core.conversion.ConversionTrigger;
import io.pulsereports.core.model.ReportPeriod;
import java.util.List;

/**
 * The {@code conversion_triggers} table: the triggers recorded for a local day, and the send of
 * their offers.
 *
 * <p>At most one trigger of a type is recorded per user and local day, whatever re-runs and
 * concurrent callers (in this process or others sharing the database) do; a trigger's offer is
 * sent by one caller at a time ({@link #claim}). An adapter never creates or alters the table: if
 * it is missing, every method fails saying so.
 */
public interface ConversionTriggerRepository {

  /**
   * Records {@code trigger} (which must not be sent yet) unless the table already holds a trigger
   * of its type for its user whose triggered_at is in {@code day}, or a row with its id. Atomic
   * against concurrent callers.
   *
   * @param day the local day the trigger belongs to; {@code trigger.triggeredAt()} is in it
   * @return the day's trigger of that type for that user (the new one, or the one found: a sent
   *     one first) and whether this call created it
   */
  Recorded recordIfAbsent(ConversionTrigger trigger, ReportPeriod day);

  /**
   * The triggers of {@code triggerType} whose triggered_at is in {@code day}, ordered by user id,
   * then sent ones first.
   */
  List<ConversionTrigger> findOn(String triggerType, ReportPeriod day);

  /**
   * Takes the exclusive right to send the offer of {@code trigger}, the trigger of its type for its
   * user on {@code day}: waits while another caller holds it, then reads the trigger again (another
   * caller may have sent it meanwhile). The caller sends, then {@link OfferClaim#markOfferSent()},
   * and always closes the claim.
   */
  OfferClaim claim(ConversionTrigger trigger, ReportPeriod day);

  /** What {@link #recordIfAbsent} found or created. */
  record Recorded(ConversionTrigger trigger, boolean created) {
    public Recorded {
      requireNonNull(trigger, "trigger");
    }
  }

  /** The right to send one trigger's offer, held until {@link #close()}. */
  interface OfferClaim extends AutoCloseable {

    /** The trigger as it stands now; {@code offerSent()} is true if another caller sent it. */
    ConversionTrigger trigger();

    /** Marks the offer sent (offer_sent = true), durably, and releases the claim. */
    void markOfferSent();

    /** Releases the claim; the trigger stays as it is unless {@link #markOfferSent()} was called. */
    @Override
    void close();
  }
}
