package io.pulsereports.core.service;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import io.pulsereports.core.InvalidReportRequestException;
import io.pulsereports.core.ReportDefinition;
import io.pulsereports.core.model.GymScope;
import io.pulsereports.core.model.PeriodKind;
import io.pulsereports.core.model.Report;
import io.pulsereports.core.model.ReportPeriod;
import io.pulsereports.core.model.ReportRequest;
import io.pulsereports.core.port.in.GenerateReportCommand;
import io.pulsereports.core.port.in.GenerateReportResult;
import io.pulsereports.core.port.in.GenerateReportUseCase;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/** Validates a report command against the catalogue, resolves its period, and produces the report. */
final class GenerateReportService implements GenerateReportUseCase {


  private final ImmutableMap<String, ReportDefinition<?>> catalogue;
  private final Clock clock;
  private final int maxRangeDays;

  GenerateReportService(ImmutableMap<String, ReportDefinition<?>> catalogue, Clock clock, int maxRangeDays) {
    this.catalogue = requireNonNull(catalogue, "catalogue");
    this.clock = requireNonNull(clock, "clock");
    this.maxRangeDays = maxRangeDays;
  }

  @Override
  public GenerateReportResult generate(GenerateReportCommand command) {
    ReportDefinition<?> definition = RequestFields.definition(catalogue, command.reportType());
    ReportRequest request = request(definition, command);
    return new GenerateReportResult(produce(definition, request));
  }

  private <B> Report<B> produce(ReportDefinition<B> definition, ReportRequest request) {
    B body = definition.producer().produce(request);
    return new Report<>(request, clock.instant(), body);
  }

  ReportRequest request(ReportDefinition<?> definition, GenerateReportCommand command) {
    ZoneId zone = zone(command.timezone());
    Optional<GymScope> scope = scope(definition, command);
    return new ReportRequest(definition.type(), scope, period(definition, command, zone));
  }

  /** The period {@code command} asks for, in its zone, as {@link #request} resolves it. */
  ReportPeriod period(ReportDefinition<?> definition, GenerateReportCommand command) {
    return period(definition, command, zone(command.timezone()));
  }

  private ReportPeriod period(ReportDefinition<?> definition, GenerateReportCommand command, ZoneId zone) {
    return definition.periodKind() == PeriodKind.DAY ? dayPeriod(command, zone) : weekPeriod(command, zone);
  }


  private static ZoneId zone(Optional<String> timezone) {
    return RequestFields.zone(timezone);
  }

  private static Optional<GymScope> scope(ReportDefinition<?> definition, GenerateReportCommand command) {
    Optional<UUID> gym = command.gymId().map(value -> RequestFields.uuid("gym_id", value));
    Optional<UUID> branch = command.branchId().map(value -> RequestFields.uuid("branch_id", value));
    if (!definition.gymScoped()) {
      if (gym.isPresent() || branch.isPresent()) {
        String field = gym.isPresent() ? "gym_id" : "branch_id";
        throw new InvalidReportRequestException(
            field, definition.type() + " reports are not scoped to a gym or branch");
      }
      return Optional.empty();
    }
    if (gym.isEmpty()) {
      throw new InvalidReportRequestException("gym_id", "required for " + definition.type() + " reports");
    }
    return Optional.of(new GymScope(gym.get(), branch));
  }

  private ReportPeriod dayPeriod(GenerateReportCommand command, ZoneId zone) {
    if (command.startDate().isPresent() || command.endDate().isPresent()) {
      String field = command.startDate().isPresent() ? "start_date" : "end_date";
      throw new InvalidReportRequestException(
          field, "not used by single-day reports; give the day as date");
    }
    LocalDate date = command.date().map(value -> date("date", value)).orElseGet(() -> today(zone).minusDays(1));
    return ReportPeriod.day(date, zone);
  }

  private ReportPeriod weekPeriod(GenerateReportCommand command, ZoneId zone) {
    Optional<LocalDate> start = command.startDate().map(value -> date("start_date", value));
    Optional<LocalDate> end = command.endDate().map(value -> date("end_date", value));
    if (start.isPresent() != end.isPresent()) {
      String missing = start.isPresent() ? "end_date" : "start_date";
      throw new InvalidReportRequestException(missing, "required when the other end of the range is given");
    }
    if (start.isPresent()) {
      if (command.date().isPresent()) {
        throw new InvalidReportRequestException("date", "give either date or start_date/end_date, not both");
      }
      if (start.get().isAfter(end.get())) {
        throw new InvalidReportRequestException(
            "start_date", start.get() + " is after end_date " + end.get());
      }
      long days = ChronoUnit.DAYS.between(start.get(), end.get()) + 1;
      if (days > maxRangeDays) {
        throw new InvalidReportRequestException(
            "end_date", "the range covers " + days + " days; the maximum is " + maxRangeDays);
      }
      return ReportPeriod.range(start.get(), end.get(), zone);
    }
    LocalDate inWeek =
        command.date().map(value -> date("date", value)).orElseGet(() -> today(zone).minusWeeks(1));
    return ReportPeriod.isoWeekContaining(inWeek, zone);
  }

  private LocalDate today(ZoneId zone) {
    return LocalDate.ofInstant(clock.instant(), zone);
  }

  private static LocalDate date(String field, String value) {
    return RequestFields.date(field, value);
  }


}
