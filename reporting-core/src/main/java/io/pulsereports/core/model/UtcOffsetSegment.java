package io.pulsereports.core.model;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.ZoneOffset;

/** The instants [start, end) during which a zone's UTC offset is {@code offset}. */
public record UtcOffsetSegment(Instant start, Instant end, ZoneOffset offset) {

  public UtcOffsetSegment {
    requireNonNull(start, "start");
    requireNonNull(end, "end");
    requireNonNull(offset, "offset");
    checkArgument(start.isBefore(end), "segment start %s is not before end %s", start, end);
  }

  public int offsetSeconds() {
    return offset.getTotalSeconds();
  }
}
