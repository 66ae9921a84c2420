package io.pulsereports.core;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import io.pulsereports.core.metric.LeadMetricsConfig;
import io.pulsereports.core.metric.LearningMetricsConfig;
import io.pulsereports.core.model.ReportType;
import io.pulsereports.core.port.in.GenerateReportCommand;
import io.pulsereports.core.port.in.GenerateReportResult;
import io.pulsereports.core.port.in.GenerateReportUseCase;
import io.pulsereports.core.port.out.LeadActivityPort;
import io.pulsereports.core.port.out.LearningActivityPort;
import io.pulsereports.core.service.ReportingServices;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The front door of the library: a catalogue of report types wired to their data ports.
 *
 * <pre>{@code
 * Reporting reporting = Reporting.builder()
 *     .leadActivity(persistence.leadActivity())          // registers "daily" and "weekly"
 *     .learningMetrics(LearningMetricsConfig.builder().topMistakes(5).build())
 *     .learningActivity(persistence.learningActivity())  // registers "learning-daily"
 *     .register(myCustomDefinition)
 *     .build();
 * Report<?> report = reporting.generate(GenerateReportCommand.builder("daily")
 *     .gymId(gym).branchId(branch).date("2026-03-08").timezone("America/New_York").build())
 *     .report();
 * Report<?> learning = reporting.generate(GenerateReportCommand.builder("learning-daily")
 *     .date("2026-03-08").timezone("America/New_York").build())  // no gym: the whole app
 *     .report();
 * }</pre>
 */
public final class Reporting implements GenerateReportUseCase {

  public static final int DEFAULT_MAX_RANGE_DAYS = 366;

  private final ImmutableMap<String, ReportDefinition<?>> catalogue;
  private final GenerateReportUseCase generateReport;

  private Reporting(Builder builder) {
    this.catalogue = ImmutableMap.copyOf(builder.catalogue);
    this.generateReport = ReportingServices.generateReport(catalogue, builder.clock, builder.maxRangeDays);
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public GenerateReportResult generate(GenerateReportCommand command) {
    return generateReport.generate(command);
  }

  /** The names of the registered report types, in registration order. */
  public Set<String> reportTypes() {
    return catalogue.keySet();
  }

  /** Collects the catalogue and the services' collaborators. */
  public static final class Builder {
    private final Map<String, ReportDefinition<?>> catalogue = new LinkedHashMap<>();
    private Clock clock = Clock.systemUTC();
    private int maxRangeDays = DEFAULT_MAX_RANGE_DAYS;
    private LeadMetricsConfig leadMetrics = LeadMetricsConfig.defaults();
    private LearningMetricsConfig learningMetrics = LearningMetricsConfig.defaults();

    private Builder() {}

    /** The clock for default periods and generated_at; tests pass a fixed one. */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /** The longest explicit date range a request may ask for, in days. */
    public Builder maxRangeDays(int days) {
      checkArgument(days >= 1, "maxRangeDays %s is below 1", days);
      this.maxRangeDays = days;
      return this;
    }

    /** Thresholds for the lead metrics; set before {@link #leadActivity}. */
    public Builder leadMetrics(LeadMetricsConfig config) {
      this.leadMetrics = requireNonNull(config, "config");
      return this;
    }

    /** Registers the built-in {@code daily} and {@code weekly} lead performance reports. */
    public Builder leadActivity(LeadActivityPort port) {
      requireNonNull(port, "port");
      register(LeadReports.daily(port, leadMetrics));
      return register(LeadReports.weekly(port, leadMetrics));
    }

    /** Thresholds and windows of the learning metrics; set before {@link #learningActivity}. */
    public Builder learningMetrics(LearningMetricsConfig config) {
      this.learningMetrics = requireNonNull(config, "config");
      return this;
    }

    /** Registers the built-in {@code learning-daily} learning engagement report. */
    public Builder learningActivity(LearningActivityPort port) {
      requireNonNull(port, "port");
      return register(LearningReports.daily(port, learningMetrics));
    }

    /** Adds a report type to the catalogue; its name must be new. */
    public Builder register(ReportDefinition<?> definition) {
      requireNonNull(definition, "definition");
      ReportType type = definition.type();
      checkState(!catalogue.containsKey(type.name()), "report type %s is already registered", type);
      catalogue.put(type.name(), definition);
      return this;
    }

    public Reporting build() {
      checkState(!catalogue.isEmpty(), "no report type registered");
      return new Reporting(this);
    }
  }
}
