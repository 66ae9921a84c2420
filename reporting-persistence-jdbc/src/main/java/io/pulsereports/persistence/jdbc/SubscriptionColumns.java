package io.pulsereports.persistence.jdbc;

import static com.google.common.base.Preconditions.checkArgument;
import static io.pulsereports.persistence.jdbc.StateColumns.code;
import static java.util.Objects.requireNonNull;

import io.pulsereports.core.delivery.DeliveryId;
import io.pulsereports.core.delivery.DeliveryMethod;
import io.pulsereports.core.delivery.Lease;
import io.pulsereports.core.model.GymScope;
import io.pulsereports.core.model.PeriodKind;
import io.pulsereports.core.model.ReportType;
import io.pulsereports.core.schedule.DeliverySchedule;
import io.pulsereports.core.schedule.RunOutcome;
import io.pulsereports.core.schedule.Subscription;
import io.pulsereports.core.schedule.SubscriptionId;
import io.pulsereports.core.schedule.SubscriptionRun;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * How a {@link Subscription} is written to and read from a report_subscriptions row (state
 * migrations V1 and V3) on one dialect: the values as {@link StateColumns} binds and reads them
 * (instants to the microsecond, fixed-width UTC text on SQLite; uuid or lower-case text ids; date
 * or {@code YYYY-MM-DD} local dates), and
 *
 * <ul>
 *   <li>recipients: a JSON array of addresses (or webhook URLs), as in report_deliveries;
 *   <li>delivery_time: {@code HH:MM} ({@code HH:MM:SS} is read too); timezone: the zone id;
 *   <li>delivery_days: a JSON array of lower-case English day names, Monday first ({@code
 *       ["monday", "friday"]}); NULL when the schedule has no days (a daily report sent every day).
 *       Read leniently: any case, and the three-letter names ({@code "Mon"}) too;
 *   <li>report_type: its name; delivery_method: its code; last_run_outcome: its code;
 *   <li>the schedule's period kind is not stored: it follows from the report type ({@link
 *       #periodKindOf}).
 * </ul>
 *
 * <p>The formats column (V1) is not part of a subscription: it is left as it is (NULL for the
 * rows written here).
 */
final class SubscriptionColumns implements RowMapper<Subscription> {

  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

  private final StateColumns values;

  SubscriptionColumns(Dialect dialect) {
    this.values = new StateColumns(requireNonNull(dialect, "dialect"));
  }

  /**
   * The period kind of a subscription's schedule, which the table does not store: {@link
   * PeriodKind#WEEK} for the report type {@code weekly}, {@link PeriodKind#DAY} for every other
   * type (daily, learning-daily and any custom type). This is the one place the rule lives; a
   * subscription whose schedule says otherwise cannot be stored (it would read back differently).
   */
  static PeriodKind periodKindOf(ReportType reportType) {
    return ReportType.WEEKLY.equals(reportType) ? PeriodKind.WEEK : PeriodKind.DAY;
  }

  /** Refuses a subscription whose schedule's kind is not the one its report type implies. */
  static void checkStorable(Subscription subscription) {
    PeriodKind kind = periodKindOf(subscription.reportType());
    checkArgument(
        subscription.schedule().kind() == kind,
        "subscription %s: a %s report is scheduled per %s, not per %s",
        subscription.id(),
        subscription.reportType(),
        kind,
        subscription.schedule().kind());
  }

  /** Every column of the row, named as in subscription_insert.sql. */
  Map<String, Object> row(Subscription subscription) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", id(subscription.id()));
    row.put("createdAt", instant(subscription.createdAt()));
    row.putAll(configuration(subscription));
    row.putAll(run(subscription));
    row.put("lockedBy", subscription.lease().map(Lease::owner).orElse(null));
    row.put(
        "lockedUntil", subscription.lease().map(lease -> instant(lease.until())).orElse(null));
    return row;
  }

  /**
   * The columns an update replaces: the configuration, updated_at and next_run_at (named as in
   * subscription_update.sql).
   */
  Map<String, Object> configuration(Subscription subscription) {
    DeliverySchedule schedule = subscription.schedule();
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("name", subscription.name().orElse(null));
    row.put("gymId", subscription.scope().map(scope -> uuid(scope.gymId())).orElse(null));
    row.put(
        "branchId",
        subscription.scope().flatMap(GymScope::branchId).map(this::uuid).orElse(null));
    row.put("reportType", subscription.reportType().name());
    row.put("deliveryMethod", subscription.method().code());
    row.put("recipients", values.json(RecipientsJson.stringArray(subscription.recipients())));
    row.put("deliveryTime", schedule.deliveryTime().format(HH_MM));
    row.put(
        "deliveryDays",
        schedule.deliveryDays().isEmpty()
            ? null
            : values.json(RecipientsJson.stringArray(dayNames(schedule.deliveryDays()))));
    row.put("timezone", schedule.zone().getId());
    row.put("templateId", subscription.templateId().map(this::uuid).orElse(null));
    row.put("active", subscription.active());
    row.put("skipIfEmpty", subscription.skipIfEmpty());
    row.put("updatedAt", instant(subscription.updatedAt()));
    row.put("nextRunAt", nextRunAt(subscription));
    return row;
  }

  /** The columns a finished run writes besides next_run_at: failed attempts and the last run. */
  Map<String, Object> run(Subscription subscription) {
    Optional<SubscriptionRun> run = subscription.lastRun();
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("failedAttempts", subscription.failedAttempts());
    row.put("lastRunDueAt", run.map(r -> instant(r.dueAt())).orElse(null));
    row.put("lastRunAt", run.map(r -> instant(r.ranAt())).orElse(null));
    row.put("lastRunPeriodStart", run.map(r -> values.date(r.periodStart())).orElse(null));
    row.put("lastRunPeriodEnd", run.map(r -> values.date(r.periodEnd())).orElse(null));
    row.put("lastRunOutcome", run.map(r -> r.outcome().code()).orElse(null));
    row.put(
        "lastRunDeliveryId",
        run.flatMap(SubscriptionRun::deliveryId).map(id -> uuid(id.value())).orElse(null));
    row.put("lastRunError", run.flatMap(SubscriptionRun::error).orElse(null));
    return row;
  }

  Object nextRunAt(Subscription subscription) {
    return subscription.nextRunAt().map(this::instant).orElse(null);
  }

  Object id(SubscriptionId id) {
    return uuid(id.value());
  }

  Object uuid(UUID value) {
    return values.uuid(value);
  }

  /** An instant as bound, to the microsecond. */
  Object instant(Instant value) {
    return values.instant(value);
  }

  /** See {@link StateColumns#gymIn}. */
  String gymIn(Set<UUID> gyms, boolean withoutGym, Map<String, Object> parameters) {
    return values.gymIn(gyms, withoutGym, parameters);
  }

  @Override
  public Subscription map(ResultSet rs, StatementContext ctx) throws SQLException {
    UUID id = values.readUuid(rs, "id");
    try {
      Optional<UUID> gymId = Optional.ofNullable(values.readUuid(rs, "gym_id"));
      Optional<UUID> branchId = Optional.ofNullable(values.readUuid(rs, "branch_id"));
      ReportType reportType = new ReportType(rs.getString("report_type"));
      String lockedBy = rs.getString("locked_by");
      Instant lockedUntil = values.readInstant(rs, "locked_until");
      return new Subscription(
          new SubscriptionId(id),
          Optional.ofNullable(rs.getString("name")),
          reportType,
          gymId.map(gym -> new GymScope(gym, branchId)),
          code(DeliveryMethod.fromCode(rs.getString("delivery_method")), "delivery_method"),
          RecipientsJson.readStringArray(rs.getString("recipients"), "recipients"),
          new DeliverySchedule(
              periodKindOf(reportType),
              LocalTime.parse(rs.getString("delivery_time")),
              readDays(rs.getString("delivery_days")),
              ZoneId.of(rs.getString("timezone"))),
          Optional.ofNullable(values.readUuid(rs, "template_id")),
          rs.getBoolean("is_active"),
          rs.getBoolean("skip_if_empty"),
          values.readInstant(rs, "created_at"),
          values.readInstant(rs, "updated_at"),
          Optional.ofNullable(values.readInstant(rs, "next_run_at")),
          rs.getInt("failed_attempts"),
          readLastRun(rs),
          lockedBy == null || lockedUntil == null
              ? Optional.empty()
              : Optional.of(new Lease(lockedBy, lockedUntil)));
    } catch (RuntimeException e) {
      throw new PersistenceException(
          "Subscription " + id + " in report_subscriptions cannot be read: " + e.getMessage(), e);
    }
  }

  /** The last run, absent while last_run_outcome is NULL. */
  private Optional<SubscriptionRun> readLastRun(ResultSet rs) throws SQLException {
    String outcome = rs.getString("last_run_outcome");
    if (outcome == null) {
      return Optional.empty();
    }
    return Optional.of(
        new SubscriptionRun(
            requireNonNull(values.readInstant(rs, "last_run_due_at"), "last_run_due_at is null"),
            requireNonNull(values.readInstant(rs, "last_run_at"), "last_run_at is null"),
            requireNonNull(
                values.readDate(rs, "last_run_period_start"), "last_run_period_start is null"),
            requireNonNull(
                values.readDate(rs, "last_run_period_end"), "last_run_period_end is null"),
            code(RunOutcome.fromCode(outcome), "last_run_outcome"),
            Optional.ofNullable(values.readUuid(rs, "last_run_delivery_id")).map(DeliveryId::new),
            Optional.ofNullable(rs.getString("last_run_error"))));
  }

  /** The days of a delivery_days array; NULL is none. */
  private static Set<DayOfWeek> readDays(String json) {
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    if (json == null) {
      return days;
    }
    for (String name : RecipientsJson.readStringArray(json, "delivery_days")) {
      days.add(day(name));
    }
    return days;
  }

  private static DayOfWeek day(String name) {
    String lower = name.strip().toLowerCase(Locale.ROOT);
    for (DayOfWeek day : DayOfWeek.values()) {
      String full = day.name().toLowerCase(Locale.ROOT);
      if (full.equals(lower) || (lower.length() == 3 && full.startsWith(lower))) {
        return day;
      }
    }
    throw new IllegalArgumentException("unknown day in delivery_days");
  }

  /** The stored names of {@code days}: lower-case English, Monday first. */
  static List<String> dayNames(Set<DayOfWeek> days) {
    return days.stream().sorted().map(day -> day.name().toLowerCase(Locale.ROOT)).toList();
  }
}
