package io.pulsereports.cli;

import io.pulsereports.core.schedule.DeliverySchedule;
import io.pulsereports.core.schedule.ScheduledRun;
import io.pulsereports.core.schedule.Subscription;
import io.pulsereports.core.schedule.SubscriptionRun;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

/** Subscriptions and their runs as people read them in a terminal; recipients redacted by their channel. */
final class SubscriptionText {

  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm zzz", Locale.ENGLISH);

  private final ReportingEngine engine;

  SubscriptionText(ReportingEngine engine) {
    this.engine = engine;
  }

  String oneLine(Subscription s) {
    StringBuilder line = new StringBuilder()
        .append(s.id()).append("  ")
        .append(s.active() ? "active" : "paused").append("  ")
        .append(s.reportType()).append("  ").append(scope(s)).append("  ")
        .append(s.method()).append(" to ").append(s.recipients().size())
        .append(s.recipients().size() == 1 ? " recipient" : " recipients").append("  ")
        .append(when(s.schedule()));
    s.nextRunAt().ifPresent(next -> line.append("  next ").append(UTC.format(next)));
    s.lastRun().ifPresent(run -> line.append("  last ").append(run.outcome()).append(' ').append(period(run)));
    s.name().ifPresent(name -> line.append("  \"").append(name).append('"'));
    return line.toString();
  }

  List<String> details(Subscription s) {
    List<String> lines = new ArrayList<>();
    lines.add("subscription  " + s.id());
    s.name().ifPresent(name -> lines.add("name          " + name));
    lines.add("status        " + (s.active() ? "active" : "paused") + (s.skipIfEmpty() ? ", skips empty reports" : ""));
    lines.add("report        " + s.reportType() + "  " + scope(s));
    lines.add("schedule      " + when(s.schedule()));
    lines.add("method        " + s.method());
    s.templateId().ifPresent(id -> lines.add("template      " + id));
    s.nextRunAt().ifPresent(next -> lines.add("next run      " + local(next, s) + "  (" + UTC.format(next) + ")"));
    s.lastRun().ifPresent(run -> {
      lines.add("last run      " + run.outcome() + "  period " + period(run) + "  due " + UTC.format(run.dueAt())
          + "  ran " + UTC.format(run.ranAt()));
      run.deliveryId().ifPresent(id -> lines.add("  delivery    " + id + " (see 'reporting deliveries show " + id + "')"));
      run.error().ifPresent(error -> lines.add("  error       " + CliErrors.redact(error)));
    });
    if (s.failedAttempts() > 0) {
      lines.add("failed tries " + s.failedAttempts() + " (retrying)");
    }
    s.lease().ifPresent(lease -> lines.add("running on    " + lease.owner() + " until " + UTC.format(lease.until())));
    lines.add("created       " + UTC.format(s.createdAt()) + "   updated " + UTC.format(s.updatedAt()));
    lines.add("recipients");
    s.recipients().forEach(r -> lines.add("  " + engine.redact(s.method(), r)));
    return lines;
  }

  /** "Thu 2026-03-12 08:00 EDT = 2026-03-12 12:00 UTC  delivers 2026-03-11". */
  String run(ScheduledRun run, Subscription s) {
    String period = run.period().startDate().equals(run.period().endDate())
        ? run.period().startDate().toString()
        : run.period().startDate() + ".." + run.period().endDate();
    return local(run.fireAt(), s) + " = " + UTC.format(run.fireAt()) + "  delivers " + period;
  }

  static String when(DeliverySchedule schedule) {
    String days = schedule.deliveryDays().isEmpty()
        ? "daily"
        : schedule.deliveryDays().stream().map(day -> day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH))
            .collect(Collectors.joining(","));
    return days + " at " + schedule.deliveryTime() + " " + schedule.zone().getId();
  }

  private static String local(Instant instant, Subscription s) {
    return LOCAL.format(instant.atZone(s.schedule().zone()));
  }

  private static String scope(Subscription s) {
    return s.scope().map(scope -> "gym " + scope.gymId()
        + scope.branchId().map(UUID::toString).map(branch -> " branch " + branch).orElse(" (whole gym)"))
        .orElse("(all users)");
  }

  private static String period(SubscriptionRun run) {
    return run.periodStart().equals(run.periodEnd()) ? run.periodStart().toString()
        : run.periodStart() + ".." + run.periodEnd();
  }

}
