package io.pulsereports.core.port.in;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/** What happened to one conversion candidate's offer. Every case is an expected result, not an error. */
public sealed interface OfferOutcome {

  /** A short lower-case name for listings: {@code listed}, {@code sent}, {@code send_failed}, … */
  String code();

  /** Listed only ({@link SendConversionOffersCommand.Mode#LIST}). */
  record Listed() implements OfferOutcome {
    @Override
    public String code() {
      return "listed";
    }
  }

  /**
   * A dry run would record a trigger (or use the day's unsent one, {@code triggerExists}) and send
   * an offer with this subject.
   */
  record WouldSend(String subject, boolean triggerExists) implements OfferOutcome {
    public WouldSend {
      requireNonNull(subject, "subject");
    }

    @Override
    public String code() {
      return "would_send";
    }
  }

  /**
   * The trigger is recorded and the email server accepted the offer; {@code resent} when the
   * trigger was recorded by an earlier run whose send failed or did not finish.
   */
  record RecordedAndSent(String triggerId, boolean resent) implements OfferOutcome {
    public RecordedAndSent {
      requireNonNull(triggerId, "triggerId");
    }

    @Override
    public String code() {
      return "sent";
    }
  }

  /**
   * The user was already sent this offer: for this day ({@code triggerId} present), or on a later
   * day than the one asked for (absent). Nothing is sent again.
   */
  record AlreadySent(Optional<String> triggerId) implements OfferOutcome {
    public AlreadySent {
      requireNonNull(triggerId, "triggerId");
    }

    @Override
    public String code() {
      return "already_sent";
    }
  }

  /**
   * The trigger is recorded with offer_sent false and the send failed; a later run sends it again.
   * {@code retryable} when the failure may pass (a refused connection, a 4xx reply).
   */
  record SendFailed(String triggerId, String reason, boolean retryable) implements OfferOutcome {
    public SendFailed {
      requireNonNull(triggerId, "triggerId");
      requireNonNull(reason, "reason");
    }

    @Override
    public String code() {
      return "send_failed";
    }
  }

  /**
   * The user has no email address, or one that cannot be sent to ({@code reason}); when sending,
   * the trigger is recorded ({@code triggerId}) with offer_sent false.
   */
  record NoEmail(Optional<String> triggerId, String reason) implements OfferOutcome {
    public NoEmail {
      requireNonNull(triggerId, "triggerId");
      requireNonNull(reason, "reason");
    }

    @Override
    public String code() {
      return "no_email";
    }
  }
}
