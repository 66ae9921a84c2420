package io.pulsereports.core.metric;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.pulsereports.core.model.PeriodBounds;
import io.pulsereports.core.model.ReportPeriod;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The windows a learning report on local date D reads, each a run of local days ending with D in
 * the report's zone (SPEC section 2): engagement [D-6, D+1), mistakes [D-29, D+1), conversion
 * [D-13, D+1), the offer cooldown [D-29, D+1) and the inactivity window [D-29, D+1) with the
 * default settings.
 */
public record LearningPeriods(
    ReportPeriod day,
    ReportPeriod engagement,
    ReportPeriod mistakes,
    ReportPeriod conversion,
    ReportPeriod offerCooldown,
    ReportPeriod inactivity) {

  public LearningPeriods {
    requireNonNull(day, "day");
    requireNonNull(engagement, "engagement");
    requireNonNull(mistakes, "mistakes");
    requireNonNull(conversion, "conversion");
    requireNonNull(offerCooldown, "offerCooldown");
    requireNonNull(inactivity, "inactivity");
    checkArgument(day.days() == 1, "a learning report covers one day, not %s", day);
  }

  /** The windows of the report on {@code day} (a single local date) under {@code config}. */
  public static LearningPeriods of(ReportPeriod day, LearningMetricsConfig config) {
    requireNonNull(day, "day");
    requireNonNull(config, "config");
    LocalDate date = day.startDate();
    ZoneId zone = day.zone();
    return new LearningPeriods(
        day,
        endingOn(date, config.engagementDays(), zone),
        endingOn(date, config.mistakesDays(), zone),
        config.conversionRule().windowEndingOn(date, zone),
        endingOn(date, config.offerCooldownDays(), zone),
        endingOn(date, config.inactivityDays(), zone));
  }

  /** SPEC {@code windows}: engagement, mistakes and conversion as {start, end}, and inactive_since. */
  public LearningWindows windows() {
    return new LearningWindows(
        PeriodBounds.of(engagement),
        PeriodBounds.of(mistakes),
        PeriodBounds.of(conversion),
        inactivity.startOffsetDateTime());
  }

  private static ReportPeriod endingOn(LocalDate date, int days, ZoneId zone) {
    return ReportPeriod.range(date.minusDays(days - 1L), date, zone);
  }
}
