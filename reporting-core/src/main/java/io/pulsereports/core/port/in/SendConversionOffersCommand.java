package io.pulsereports.core.port.in;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * Which day's conversion candidates to handle and what to do with them, as a user typed it (raw
 * text, validated by the use case like {@link GenerateReportCommand}: {@code date} YYYY-MM-DD,
 * default yesterday in the zone; {@code timezone} an IANA name, default UTC).
 */
public record SendConversionOffersCommand(Optional<String> date, Optional<String> timezone, Mode mode) {

  /** What happens to the candidates. */
  public enum Mode {
    /** List the candidates; read nothing else, write and send nothing. */
    LIST,
    /**
     * Show what {@link #SEND} would do (which offers would go out, with their subjects), writing and
     * sending nothing.
     */
    DRY_RUN,
    /** Record a conversion trigger per candidate and email each the offer, once per user and day. */
    SEND
  }

  public SendConversionOffersCommand {
    requireNonNull(date, "date");
    requireNonNull(timezone, "timezone");
    requireNonNull(mode, "mode");
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Fluent construction; a null value leaves the field absent, a blank one is validated (and refused). */
  public static final class Builder {
    private Optional<String> date = Optional.empty();
    private Optional<String> timezone = Optional.empty();
    private Mode mode = Mode.LIST;

    private Builder() {}

    public Builder date(String value) {
      date = Optional.ofNullable(value).map(String::strip);
      return this;
    }

    public Builder timezone(String value) {
      timezone = Optional.ofNullable(value).map(String::strip);
      return this;
    }

    /** Default {@link Mode#LIST}. */
    public Builder mode(Mode value) {
      mode = requireNonNull(value, "mode");
      return this;
    }

    public SendConversionOffersCommand build() {
      return new SendConversionOffersCommand(date, timezone, mode);
    }
  }
}
