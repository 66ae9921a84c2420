package io.pulsereports.cli;

import io.pulsereports.core.delivery.Delivery;
import io.pulsereports.core.delivery.RecipientOutcome;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** Deliveries as people read them in a terminal; recipients redacted by their channel. */
final class DeliveryText {

  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private final ReportingEngine engine;

  DeliveryText(ReportingEngine engine) {
    this.engine = engine;
  }

  String oneLine(Delivery d) {
    StringBuilder line = new StringBuilder()
        .append(d.id()).append("  ")
        .append(d.status()).append("  ")
        .append(d.reportType()).append(' ').append(period(d)).append("  ")
        .append(d.method()).append(" to ").append(d.recipients().size())
        .append(d.recipients().size() == 1 ? " recipient" : " recipients")
        .append("  attempts ").append(d.attemptCount());
    switch (d.status()) {
      case SENT -> d.sentAt().ifPresent(at -> line.append("  sent ").append(time(at)));
      case RETRYING, PENDING -> d.nextAttemptAt().ifPresent(at -> line.append("  next attempt ").append(time(at)));
      default -> { }
    }
    d.lastError().ifPresent(error -> line.append("  last error: ").append(CliErrors.redact(error)));
    return line.toString();
  }

  List<String> details(Delivery d) {
    List<String> lines = new ArrayList<>();
    lines.add("delivery      " + d.id());
    lines.add("status        " + d.status());
    lines.add("report        " + d.reportType() + " " + period(d) + " (" + d.period().zone().getId() + ")");
    d.scope().ifPresent(scope -> lines.add("scope         gym " + scope.gymId()
        + scope.branchId().map(branch -> " branch " + branch).orElse(" (whole gym)")));
    d.subscriptionId().ifPresent(id -> lines.add("subscription  " + id));
    lines.add("method        " + d.method());
    lines.add("attempts      " + d.attemptCount());
    lines.add("created       " + time(d.createdAt()));
    d.nextAttemptAt().ifPresent(at -> lines.add("next attempt  " + time(at)));
    d.sentAt().ifPresent(at -> lines.add("sent          " + time(at)));
    d.lease().ifPresent(lease -> lines.add("claimed by    " + lease.owner() + " until " + time(lease.until())));
    d.lastError().ifPresent(error -> lines.add("last error    " + CliErrors.redact(error)));
    lines.add("recipients");
    for (RecipientOutcome r : d.recipients()) {
      StringBuilder line = new StringBuilder("  ").append(engine.redact(d.method(), r.recipient()))
          .append("  ").append(r.state().code()).append("  attempts ").append(r.attempts());
      r.sentAt().ifPresent(at -> line.append("  sent ").append(time(at)));
      r.lastError().ifPresent(error -> line.append("  last error: ").append(CliErrors.redact(error)));
      lines.add(line.toString());
    }
    return lines;
  }

  private static String period(Delivery d) {
    return d.period().startDate().equals(d.period().endDate())
        ? d.period().startDate().toString()
        : d.period().startDate() + ".." + d.period().endDate();
  }

  private static String time(Instant instant) {
    return UTC.format(instant);
  }
}
