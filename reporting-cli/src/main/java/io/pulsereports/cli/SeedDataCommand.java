package io.pulsereports.cli;

import io.pulsereports.persistence.jdbc.JdbcPersistence;
import io.pulsereports.persistence.jdbc.SyntheticDataSpec;
import io.pulsereports.persistence.jdbc.SyntheticLearningSpec;
import io.pulsereports.persistence.jdbc.SyntheticLeadData;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "seed-data",
    mixinStandardHelpOptions = true,
    description = {
      "Loads deterministic synthetic leads and calls into the demo tables (created if missing;",
      "refuses a database whose leads/call_logs tables are not the demo's). The same options always",
      "write the same rows. Rows = gyms x branches x days x (leads + calls per day)."
    })
final class SeedDataCommand implements Callable<Integer> {

  private final CliContext context;

  @Mixin DatabaseOption databaseOption;

  @Option(names = "--gyms", defaultValue = "3", description = "default ${DEFAULT-VALUE}")
  int gyms;

  @Option(names = "--branches-per-gym", defaultValue = "2", description = "default ${DEFAULT-VALUE}")
  int branches;

  @Option(names = "--staff-per-branch", defaultValue = "6", description = "default ${DEFAULT-VALUE}")
  int staff;

  @Option(names = "--days", defaultValue = "120", description = "default ${DEFAULT-VALUE}")
  int days;

  @Option(names = "--leads-per-day", defaultValue = "8", description = "per branch; default ${DEFAULT-VALUE}")
  int leadsPerDay;

  @Option(names = "--calls-per-day", defaultValue = "40", description = "per branch; default ${DEFAULT-VALUE}")
  int callsPerDay;

  @Option(names = "--end-date", paramLabel = "YYYY-MM-DD", description = "first day after the data (default today in the zone)")
  String endDate;

  @Option(names = "--timezone", defaultValue = "America/New_York", description = "zone of the business hours; default ${DEFAULT-VALUE}")
  String timezone;

  @Option(names = "--seed", defaultValue = "20261121", description = "default ${DEFAULT-VALUE}")
  long seed;

  @Option(names = "--learning-users", defaultValue = "0",
      description = "also write the coaching app's learning data for this many users (default none)")
  int learningUsers;

  @Option(names = "--sessions-per-user", defaultValue = "30", description = "learning: about this many sessions per user; default ${DEFAULT-VALUE}")
  int sessionsPerUser;

  @Option(names = "--errors-per-session", defaultValue = "3", description = "learning: about this many detected errors per session; default ${DEFAULT-VALUE}")
  int errorsPerSession;

  SeedDataCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    ZoneId zone = zone(timezone);
    SyntheticDataSpec spec = spec(zone);
    try (JdbcPersistence database = Database.open(databaseOption.url(context))) {
      database.migrate();
      load(database, spec, context);
    }
    context.out().printf(
        "Loaded %,d leads and %,d calls for %d gyms (gym ids: %s)%n",
        spec.totalLeads(), spec.totalCalls(), spec.gyms(), spec.gymIds());
    if (!spec.learning().isEmpty()) {
      context.out().printf("Loaded %,d learning rows for %,d users%n", spec.learning().totalRows(), spec.learning().users());
    }
    return ReportingCli.OK;
  }

  static void load(JdbcPersistence database, SyntheticDataSpec spec, CliContext context) {
    try (Progress progress = new Progress("Loading", spec.totalRows(), context.err())) {
      SyntheticLeadData.write(database, spec, progress);
    }
  }

  private SyntheticDataSpec spec(ZoneId zone) {
    BadInputException.requireAtLeast("--gyms", gyms, 1);
    BadInputException.requireAtLeast("--branches-per-gym", branches, 1);
    BadInputException.requireAtLeast("--staff-per-branch", staff, 1);
    BadInputException.requireAtLeast("--days", days, 1);
    BadInputException.requireAtLeast("--leads-per-day", leadsPerDay, 1);
    BadInputException.requireAtLeast("--calls-per-day", callsPerDay, 0);
    LocalDate end = endDate == null ? LocalDate.now(context.clock().withZone(zone)) : date(endDate);
    BadInputException.requireAtLeast("--learning-users", learningUsers, 0);
    BadInputException.requireAtLeast("--sessions-per-user", sessionsPerUser, 1);
    BadInputException.requireAtLeast("--errors-per-session", errorsPerSession, 0);
    return new SyntheticDataSpec(gyms, branches, staff, days, leadsPerDay, callsPerDay, end, zone, seed)
        .withLearning(new SyntheticLearningSpec(learningUsers, sessionsPerUser, errorsPerSession, seed));
  }

  private static LocalDate date(String value) {
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new BadInputException("--end-date", "'" + value + "' is not a date (expected YYYY-MM-DD)");
    }
  }

  static ZoneId zone(String name) {
    try {
      return ZoneId.of(name);
    } catch (DateTimeException e) {
      throw new BadInputException("--timezone", "unknown time zone '" + name + "'");
    }
  }
}
