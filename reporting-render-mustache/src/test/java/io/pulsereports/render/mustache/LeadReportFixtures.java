package io.pulsereports.render.mustache;

import io.pulsereports.core.metric.DailyLeadReport;
import io.pulsereports.core.metric.LeadMetricsConfig;
import io.pulsereports.core.metric.LeadPerformanceCalculator;
import io.pulsereports.core.metric.WeeklyLeadReport;
import io.pulsereports.core.model.CallGroup;
import io.pulsereports.core.model.GymScope;
import io.pulsereports.core.model.LeadActivity;
import io.pulsereports.core.model.LeadCount;
import io.pulsereports.core.model.Report;
import io.pulsereports.core.model.ReportPeriod;
import io.pulsereports.core.model.ReportRequest;
import io.pulsereports.core.model.ReportType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Hand-made lead activity and the reports computed from it. Sunday 8 March 2026 is the day New
 * York moves from -05:00 to -04:00, so the daily period starts at -05:00 and ends at -04:00.
 */
final class LeadReportFixtures {

  static final UUID GYM = UUID.fromString("11111111-2222-3333-4444-555555555555");
  static final UUID BRANCH = UUID.fromString("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee");
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  static final LocalDate DST_SUNDAY = LocalDate.of(2026, 3, 8);
  static final Instant GENERATED_AT = Instant.parse("2026-03-09T06:00:00Z");
  static final String SCRIPT_STATUS = "<script>alert('x')</script>";

  private static final LeadPerformanceCalculator CALCULATOR =
      new LeadPerformanceCalculator(LeadMetricsConfig.defaults());

  private LeadReportFixtures() {}

  /** 8 leads (one with a hostile status), 14 calls of which 10 completed, 4 interested. */
  static LeadActivity sundayActivity() {
    LocalDate d = DST_SUNDAY;
    return new LeadActivity(
        List.of(
            new LeadCount(d, "new", 2),
            new LeadCount(d, "contacted", 1),
            new LeadCount(d, "converted", 3),
            new LeadCount(d, "lost", 1),
            new LeadCount(d, SCRIPT_STATUS, 1)),
        4,
        List.of(
            call(d, 10, "alice", "completed", "interested", 3, 540, 3),
            call(d, 10, "alice", "completed", "not_interested", 2, 200, 2),
            call(d, 10, "bob", "missed", null, 1, 0, 0),
            call(d, 14, "bob", "completed", "voicemail", 4, 300, 3),
            call(d, 14, null, "failed", null, 2, 0, 0),
            call(d, 14, "carol", "completed", "interested", 1, 125, 1),
            call(d, 9, "bob", "busy", null, 1, 0, 0)));
  }

  static LeadActivity weekActivity() {
    LeadActivity sunday = sundayActivity();
    LocalDate monday = DST_SUNDAY.minusDays(6);
    List<LeadCount> leads = new java.util.ArrayList<>(sunday.leadsCreated());
    leads.add(new LeadCount(monday, "contacted", 2));
    leads.add(new LeadCount(monday, "qualified", 1));
    List<CallGroup> calls = new java.util.ArrayList<>(sunday.calls());
    calls.add(call(monday, 8, "alice", "completed", "wrong_number", 1, 30, 1));
    return new LeadActivity(leads, sunday.convertedInPeriod(), calls);
  }

  static LeadActivity previousWeekActivity() {
    LocalDate d = LocalDate.of(2026, 2, 25);
    return new LeadActivity(
        List.of(new LeadCount(d, "new", 3), new LeadCount(d, "converted", 1)),
        2,
        List.of(
            call(d, 11, "bob", "completed", "interested", 5, 600, 5),
            call(d, 11, "alice", "completed", "not_interested", 2, 100, 1),
            call(d, 12, "dave", "missed", null, 3, 0, 0)));
  }

  static DailyLeadReport dailyBody() {
    return CALCULATOR.daily(sundayActivity());
  }

  static Report<DailyLeadReport> daily() {
    return new Report<>(
        new ReportRequest(
            ReportType.DAILY, Optional.of(GymScope.branch(GYM, BRANCH)), ReportPeriod.day(DST_SUNDAY, NEW_YORK)),
        GENERATED_AT,
        dailyBody());
  }

  static Report<WeeklyLeadReport> weekly() {
    ReportPeriod week = ReportPeriod.isoWeekContaining(DST_SUNDAY, NEW_YORK);
    return new Report<>(
        new ReportRequest(ReportType.WEEKLY, Optional.of(GymScope.wholeGym(GYM)), week),
        GENERATED_AT,
        CALCULATOR.weekly(weekActivity(), previousWeekActivity(), week));
  }

  static Report<WeeklyLeadReport> emptyWeekly() {
    ReportPeriod week = ReportPeriod.isoWeekContaining(DST_SUNDAY, NEW_YORK);
    return new Report<>(
        new ReportRequest(ReportType.WEEKLY, Optional.of(GymScope.wholeGym(GYM)), week),
        GENERATED_AT,
        CALCULATOR.weekly(LeadActivity.empty(), LeadActivity.empty(), week));
  }

  static Report<DailyLeadReport> emptyDaily(ZoneId zone, LocalDate date) {
    return new Report<>(
        new ReportRequest(ReportType.DAILY, Optional.of(GymScope.wholeGym(GYM)), ReportPeriod.day(date, zone)),
        GENERATED_AT,
        CALCULATOR.daily(LeadActivity.empty()));
  }

  private static CallGroup call(
      LocalDate date, int hour, String user, String status, String outcome, long calls, long duration, long withDuration) {
    return new CallGroup(
        date, hour, Optional.ofNullable(user), status, Optional.ofNullable(outcome), calls, duration, withDuration);
  }
}
