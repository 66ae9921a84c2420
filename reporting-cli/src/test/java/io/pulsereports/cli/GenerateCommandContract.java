package io.pulsereports.cli;

import static io.pulsereports.cli.HandMadeLeadDatabase.BRANCH;
import static io.pulsereports.cli.HandMadeLeadDatabase.GYM;
import static io.pulsereports.cli.HandMadeLeadDatabase.U1;
import static io.pulsereports.cli.HandMadeLeadDatabase.U2;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `reporting generate` against a database the project did not create, with figures worked out by
 * hand (see {@link HandMadeLeadDatabase}). Every engine runs the same assertions.
 */
abstract class GenerateCommandContract {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A JDBC URL of a database holding {@link HandMadeLeadDatabase}'s tables and rows. */
  abstract String databaseUrl();

  private JsonNode generate(String... options) throws Exception {
    List<String> args = new ArrayList<>(List.of("generate", "--format", "json", "--out", "-", "--db", databaseUrl()));
    args.addAll(List.of(options));
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
    return JSON.readTree(run.out());
  }

  @Test
  void dailyReportOfTheSpringForwardDayInNewYork() throws Exception {
    JsonNode report = generate("--type", "daily", "--gym-id", GYM, "--branch-id", BRANCH, "--date", "2026-03-08", "--timezone", "America/New_York");

    assertThat(report.get("report_type").asText()).isEqualTo("daily");
    assertThat(report.get("gym_id").asText()).isEqualTo(GYM);
    assertThat(report.get("branch_id").asText()).isEqualTo(BRANCH);
    assertThat(report.get("timezone").asText()).isEqualTo("America/New_York");
    assertThat(report.at("/period/start").asText()).isEqualTo("2026-03-08T00:00:00-05:00");
    assertThat(report.at("/period/end").asText()).isEqualTo("2026-03-09T00:00:00-04:00");

    assertThat(report.at("/leads/new").asLong()).isEqualTo(4);
    assertThat(JSON.writeValueAsString(report.at("/leads/by_status")))
        .isEqualTo("{\"new\":1,\"contacted\":1,\"qualified\":0,\"converted\":1,\"lost\":0,\"trial\":1}");
    assertThat(report.at("/leads/conversion_rate").asDouble()).isEqualTo(0.25);
    assertThat(report.at("/leads/converted_in_period").asLong()).isEqualTo(2);

    assertThat(report.at("/calls/total").asLong()).isEqualTo(10);
    assertThat(JSON.writeValueAsString(report.at("/calls/by_status")))
        .isEqualTo("{\"completed\":7,\"missed\":1,\"failed\":1,\"voicemail\":1}");
    assertThat(report.at("/calls/success_rate").asDouble()).isEqualTo(0.7);
    assertThat(report.at("/calls/avg_duration_seconds").asDouble()).isEqualTo(69.0);
    assertThat(report.at("/calls/total_duration_seconds").asLong()).isEqualTo(345);
    assertThat(JSON.writeValueAsString(report.get("outcomes")))
        .isEqualTo("{\"interested\":4,\"not_interested\":1,\"wrong_number\":0,\"other\":2}");
    assertThat(report.get("interest_rate").asDouble()).isEqualTo(4.0 / 7);

    JsonNode hours = report.get("by_hour");
    assertThat(hours).hasSize(24);
    assertThat(JSON.writeValueAsString(hours.get(0))).isEqualTo("{\"hour\":0,\"calls\":1,\"completed\":1,\"interested\":1,\"success_rate\":1.0}");
    assertThat(JSON.writeValueAsString(hours.get(1))).isEqualTo("{\"hour\":1,\"calls\":1,\"completed\":1,\"interested\":0,\"success_rate\":1.0}");
    assertThat(JSON.writeValueAsString(hours.get(2))).isEqualTo("{\"hour\":2,\"calls\":0,\"completed\":0,\"interested\":0,\"success_rate\":null}");
    assertThat(JSON.writeValueAsString(hours.get(3))).isEqualTo("{\"hour\":3,\"calls\":2,\"completed\":1,\"interested\":1,\"success_rate\":0.5}");
    assertThat(JSON.writeValueAsString(hours.get(14))).isEqualTo("{\"hour\":14,\"calls\":5,\"completed\":4,\"interested\":2,\"success_rate\":0.8}");
    assertThat(JSON.writeValueAsString(hours.get(23))).isEqualTo("{\"hour\":23,\"calls\":1,\"completed\":0,\"interested\":0,\"success_rate\":0.0}");
    assertThat(report.get("best_hour").asInt()).isEqualTo(14);

    JsonNode staff = report.get("staff");
    assertThat(staff).hasSize(2);
    assertThat(JSON.writeValueAsString(staff.get(0)))
        .isEqualTo("{\"rank\":1,\"user_id\":\"" + U2 + "\",\"calls\":5,\"completed\":3,\"interested\":2,\"success_rate\":0.6,"
            + "\"interest_rate\":" + (2.0 / 3) + ",\"avg_duration_seconds\":52.5}");
    assertThat(JSON.writeValueAsString(staff.get(1)))
        .isEqualTo("{\"rank\":2,\"user_id\":\"" + U1 + "\",\"calls\":4,\"completed\":3,\"interested\":1,\"success_rate\":0.75,"
            + "\"interest_rate\":" + (1.0 / 3) + ",\"avg_duration_seconds\":105.0}");
  }

  @Test
  void wholeGymReportIncludesEveryBranchAndHasANullBranch() throws Exception {
    JsonNode report = generate("--type", "daily", "--gym-id", GYM, "--date", "2026-03-08", "--timezone", "America/New_York");

    assertThat(report.get("branch_id").isNull()).isTrue();
    assertThat(report.at("/leads/new").asLong()).isEqualTo(5);
    assertThat(report.at("/calls/total").asLong()).isEqualTo(11);
    assertThat(report.get("staff")).hasSize(3);
  }

  @Test
  void sameDayInUtcBucketsByUtcHours() throws Exception {
    JsonNode report = generate("--type", "daily", "--gym-id", GYM, "--branch-id", BRANCH, "--date", "2026-03-08");

    assertThat(report.get("timezone").asText()).isEqualTo("UTC");
    assertThat(report.at("/period/start").asText()).isEqualTo("2026-03-08T00:00:00Z");
    // 2026-03-08 UTC holds calls 1-7, 10, 13 and 14 (call 8 is on the 9th).
    assertThat(report.at("/calls/total").asLong()).isEqualTo(10);
    assertThat(report.at("/by_hour/4/calls").asLong()).isEqualTo(1);
    assertThat(report.at("/by_hour/18/calls").asLong()).isEqualTo(5);
  }

  @Test
  void weeklyReportOverAnExplicitRangeComparesWithThePreviousOne() throws Exception {
    JsonNode report =
        generate("--type", "weekly", "--gym-id", GYM, "--branch-id", BRANCH, "--start-date", "2026-03-02", "--end-date", "2026-03-08",
            "--timezone", "America/New_York");

    assertThat(report.get("report_type").asText()).isEqualTo("weekly");
    assertThat(report.at("/period/start").asText()).isEqualTo("2026-03-02T00:00:00-05:00");
    assertThat(report.at("/period/end").asText()).isEqualTo("2026-03-09T00:00:00-04:00");
    assertThat(report.at("/previous/period/start").asText()).isEqualTo("2026-02-23T00:00:00-05:00");
    assertThat(report.at("/leads/new").asLong()).isEqualTo(4);
    assertThat(report.at("/calls/total").asLong()).isEqualTo(11); // call 10 is 2026-03-07 23:59:59 local
    assertThat(report.at("/previous/leads/new").asLong()).isEqualTo(1); // lead 4, created 2026-03-01
    assertThat(report.at("/previous/calls/total").asLong()).isZero();

    assertThat(JSON.writeValueAsString(report.at("/changes/leads/new")))
        .isEqualTo("{\"current\":4,\"previous\":1,\"change\":3,\"pct_change\":3.0,\"trend\":\"up\"}");
    assertThat(JSON.writeValueAsString(report.at("/changes/calls/total")))
        .isEqualTo("{\"current\":11,\"previous\":0,\"change\":11,\"pct_change\":null,\"trend\":\"up\"}");
    assertThat(JSON.writeValueAsString(report.at("/changes/calls/success_rate")))
        .isEqualTo("{\"current\":" + (7.0 / 11) + ",\"previous\":null,\"change\":null,\"pct_change\":null,\"trend\":\"flat\"}");

    assertThat(JSON.writeValueAsString(report.get("funnel")))
        .isEqualTo("{\"stages\":[{\"stage\":\"new\",\"count\":4,\"rate_from_previous\":null},"
            + "{\"stage\":\"contacted\",\"count\":2,\"rate_from_previous\":0.5},"
            + "{\"stage\":\"qualified\",\"count\":1,\"rate_from_previous\":0.5},"
            + "{\"stage\":\"converted\",\"count\":1,\"rate_from_previous\":1.0}],\"lost\":0}");

    JsonNode daily = report.get("daily");
    assertThat(daily).hasSize(7);
    assertThat(JSON.writeValueAsString(daily.get(5)))
        .isEqualTo("{\"date\":\"2026-03-07\",\"new_leads\":0,\"calls\":1,\"completed\":0,\"interested\":0}");
    assertThat(JSON.writeValueAsString(daily.get(6)))
        .isEqualTo("{\"date\":\"2026-03-08\",\"new_leads\":4,\"calls\":10,\"completed\":7,\"interested\":4}");

    assertThat(report.at("/staff/0/user_id").asText()).isEqualTo(U2);
    assertThat(report.at("/staff/0/previous_rank").isNull()).isTrue();
    assertThat(report.at("/staff/0/rank_change").isNull()).isTrue();
  }

  @Test
  void writesEveryRequestedFormatToTheOutputFolder(@TempDir Path out) throws Exception {
    CliRun run = CliRun.of("generate", "--type", "daily", "--gym-id", GYM, "--branch-id", BRANCH, "--date", "2026-03-08",
        "--timezone", "America/New_York", "--format", "json,csv,html,pdf", "--out", out.toString(), "--db", databaseUrl());

    assertThat(run.exitCode()).isZero();
    List<Path> printed = run.out().lines().map(Path::of).toList();
    assertThat(printed).allSatisfy(path -> assertThat(path).exists().isNotEmptyFile());
    String base = "daily_branch-" + BRANCH + "_2026-03-08";
    assertThat(printed)
        .extracting(path -> path.getFileName().toString())
        .contains(base + ".json", base + ".html", base + ".pdf", base + "_summary.csv", base + "_by_hour.csv", base + "_staff.csv");
    assertThat(new String(Files.readAllBytes(out.resolve(base + ".pdf")), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("%PDF-");
    assertThat(Files.readString(out.resolve(base + "_staff.csv"))).contains(U2);
  }
}
