package io.pulsereports.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * `reporting generate --type learning-daily` to files: the coaching app's export names, a real PNG
 * heatmap, anonymised exports, and the learning report's bad input. The figures themselves are
 * checked in {@link LearningGenerateCommandContract}.
 */
class LearningCliIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** generated_at (the test clock, 2026-03-11T12:00:00Z) as yyyyMMdd_HHmmss UTC. */
  private static final String STAMP = "20260311_120000";
  private static final String KEY = "a-pseudonym-key-for-the-tests-0001";
  private static final String OTHER_KEY = "another-pseudonym-key-for-tests-0002";
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  @TempDir static Path folder;
  private static String url;

  @BeforeAll
  static void createDatabase() throws Exception {
    url = "jdbc:sqlite:" + folder.resolve("coaching.db");
    HandMadeLearningDatabase.create(url);
  }

  private static List<String> learningDaily(String... options) {
    List<String> args = new ArrayList<>(List.of("generate", "--type", "learning-daily", "--date", "2026-03-08",
        "--timezone", "America/New_York", "--db", url));
    args.addAll(List.of(options));
    return args;
  }

  private static CliRun run(Map<String, String> env, List<String> args) {
    return CliRun.withEnv(env, args.toArray(String[]::new));
  }

  private static List<Path> writeFiles(Map<String, String> env, Path out, String formats) {
    List<String> args = learningDaily("--format", formats, "--out", out.toString());
    if (env.containsKey("REPORTING_PSEUDONYM_KEY")) {
      args.add("--anonymize");
    }
    CliRun run = run(env, args);
    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
    return run.out().lines().map(Path::of).toList();
  }

  private static List<String> csvLines(Path file) throws Exception {
    return Files.readString(file, UTF_8).lines().toList();
  }

  @Test
  void everyFormatIsWrittenUnderTheCoachingAppsExportNamesStampedWithGeneratedAt(@TempDir Path out) throws Exception {
    List<Path> printed = writeFiles(Map.of(), out, "csv,html,png,json");

    assertThat(printed).allSatisfy(path -> assertThat(path).exists().isNotEmptyFile().hasParent(out));
    assertThat(printed)
        .extracting(path -> path.getFileName().toString())
        .contains(
            "daily_report_" + STAMP + ".html",
            "engagement_7d_" + STAMP + ".csv",
            "top_mistakes_" + STAMP + ".csv",
            "mistakes_heatmap_" + STAMP + ".png",
            "conversion_candidates_" + STAMP + ".csv",
            "inactive_users_" + STAMP + ".csv",
            "daily_summary_" + STAMP + ".json")
        .allMatch(name -> name.contains("_" + STAMP + "."));
    try (Stream<Path> written = Files.list(out)) {
      assertThat(written).containsExactlyInAnyOrderElementsOf(printed);
    }
  }

  @Test
  void theHeatmapIsARealPngImage(@TempDir Path out) throws Exception {
    writeFiles(Map.of(), out, "png");
    Path png = out.resolve("mistakes_heatmap_" + STAMP + ".png");

    byte[] bytes = Files.readAllBytes(png);
    assertThat(Arrays.copyOf(bytes, PNG_SIGNATURE.length)).isEqualTo(PNG_SIGNATURE);
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image).isNotNull();
    // 8 categories x 3 types: a readable chart, not a placeholder dot.
    assertThat(image.getWidth()).isBetween(200, 4000);
    assertThat(image.getHeight()).isBetween(200, 4000);
  }

  @Test
  void theJsonFileIsTheReportStandardOutputGetsAndTheCsvTablesHoldItsRows(@TempDir Path out) throws Exception {
    writeFiles(Map.of(), out, "json,csv");
    CliRun toStandardOutput = run(Map.of(), learningDaily("--format", "json", "--out", "-"));

    JsonNode file = JSON.readTree(out.resolve("daily_summary_" + STAMP + ".json").toFile());
    assertThat(file).isEqualTo(JSON.readTree(toStandardOutput.out()));

    // A header row, then one row per element (hand-computed in LearningGenerateCommandContract).
    List<String> engagement = csvLines(out.resolve("engagement_7d_" + STAMP + ".csv"));
    assertThat(engagement.get(0)).isEqualTo("role,active_users,sessions,avg_confidence,avg_errors,sessions_per_user");
    assertThat(engagement.subList(1, engagement.size()))
        .extracting(line -> line.split(",")[0])
        .containsExactly("coach", "free", "student", "trial", "total");
    assertThat(engagement.get(5)).startsWith("total,8,16,8.125,");
    List<String> top = csvLines(out.resolve("top_mistakes_" + STAMP + ".csv"));
    assertThat(top).hasSize(1 + 10);
    assertThat(top.get(1)).startsWith("1,grammar,Verb tenses,I have went,4,");
    List<String> candidates = csvLines(out.resolve("conversion_candidates_" + STAMP + ".csv"));
    assertThat(candidates.subList(1, candidates.size()))
        .extracting(line -> line.split(",")[0])
        .containsExactly("free-ivy", "Free-Zed", "free-anna", "free-cara", "free-hal");
    List<String> inactive = csvLines(out.resolve("inactive_users_" + STAMP + ".csv"));
    assertThat(inactive.get(0)).isEqualTo("user_id,email,role,last_session");
    assertThat(inactive.subList(1, inactive.size()))
        .extracting(line -> line.split(",")[0])
        .containsExactly("old-amy", "Old-Zoe", "old-abe", "old-kim");
  }

  private static JsonNode report(String... options) throws Exception {
    List<String> args = new ArrayList<>(List.of("generate", "--type", "learning-daily", "--format", "json", "--out", "-", "--db", url));
    args.addAll(List.of(options));
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
    return JSON.readTree(run.out());
  }

  @Test
  void withoutADateTheReportIsOfYesterdayInItsTimeZone() throws Exception {
    // The clock: 2026-03-11T12:00Z = 03-11 08:00 EDT = 03-12 02:00 at +14:00 (Kiritimati) = 03-11 12:00 UTC.
    assertThat(report("--timezone", "America/New_York").at("/period/start").asText()).isEqualTo("2026-03-10T00:00:00-04:00");
    assertThat(report("--timezone", "Pacific/Kiritimati").at("/period/start").asText()).isEqualTo("2026-03-11T00:00:00+14:00");
    assertThat(report().at("/period/start").asText()).isEqualTo("2026-03-10T00:00:00Z");
  }

  @Test
  void aFallBackDayLastsTwentyFiveHoursAndItsWindowsStartInSummerTime() throws Exception {
    JsonNode report = report("--date", "2026-11-01", "--timezone", "America/New_York");

    // D = 2026-11-01: 00:00 EDT to 00:00 EST. D-6 = 10-26, D-13 = 10-19, D-29 = 10-03 (31 days in October).
    assertThat(report.at("/period/start").asText()).isEqualTo("2026-11-01T00:00:00-04:00");
    assertThat(report.at("/period/end").asText()).isEqualTo("2026-11-02T00:00:00-05:00");
    assertThat(report.at("/windows/engagement/start").asText()).isEqualTo("2026-10-26T00:00:00-04:00");
    assertThat(report.at("/windows/conversion/start").asText()).isEqualTo("2026-10-19T00:00:00-04:00");
    assertThat(report.at("/windows/mistakes/start").asText()).isEqualTo("2026-10-03T00:00:00-04:00");
    assertThat(report.at("/windows/inactive_since").asText()).isEqualTo("2026-10-03T00:00:00-04:00");
    assertThat(report.at("/windows/mistakes/end").asText()).isEqualTo("2026-11-02T00:00:00-05:00");
  }

  // ---------------------------------------------------------------------------------------------
  // --anonymize
  // ---------------------------------------------------------------------------------------------

  @Test
  void anonymizeWithoutTheKeyIsBadInputNamingTheOptionAndTheVariableAndWritesNothing(@TempDir Path dir) {
    Path out = dir.resolve("reports");

    CliRun run = run(Map.of(), learningDaily("--anonymize", "--format", "json,csv,html", "--out", out.toString()));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err()).contains("--anonymize").contains("REPORTING_PSEUDONYM_KEY");
    assertThat(run.out()).isEmpty();
    assertThat(out).doesNotExist();
  }

  @Test
  void anonymizeWithAKeyShorterThanSixteenCharactersIsBadInputThatDoesNotPrintTheKey(@TempDir Path dir) {
    Path out = dir.resolve("reports");
    String shortKey = "fifteen-chars!!";

    CliRun run = run(Map.of("REPORTING_PSEUDONYM_KEY", shortKey),
        learningDaily("--anonymize", "--format", "json", "--out", out.toString()));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err()).contains("--anonymize").contains("REPORTING_PSEUDONYM_KEY").doesNotContain(shortKey);
    assertThat(out).doesNotExist();
  }

  @Test
  void anonymizedExportsHoldNoUserIdOrEmailInAnyFormat(@TempDir Path plain, @TempDir Path anonymous) throws Exception {
    List<Path> plainFiles = writeFiles(Map.of(), plain, "json,csv,html");
    List<Path> anonymousFiles = writeFiles(Map.of("REPORTING_PSEUDONYM_KEY", KEY), anonymous, "json,csv,html");

    // The personal data of the plain report: 5 candidates and 4 inactive users (3 emails + 1 missing).
    Set<String> personal = personalData(JSON.readTree(plain.resolve("daily_summary_" + STAMP + ".json").toFile()));
    assertThat(personal).hasSize(9 + 8);
    // They are in the plain outputs (so their absence below means something) ...
    assertThat(plainFiles).anySatisfy(file -> assertThat(Files.readString(file, UTF_8)).contains("free-ivy", "ivy@example.com"));
    // ... and in none of the anonymised ones, nor is any other user of the database.
    assertThat(anonymousFiles).hasSize(plainFiles.size());
    for (Path file : anonymousFiles) {
      String content = Files.readString(file, UTF_8);
      assertThat(content).as(file.toString()).doesNotContain(personal).doesNotContain("@example.com");
      for (String userId : HandMadeLearningDatabase.USER_IDS) {
        assertThat(content).as(file.toString()).doesNotContain(userId);
      }
    }
  }

  @Test
  void anonymizedReportsDifferFromThePlainOneOnlyInUserIdsAndEmails(@TempDir Path plain, @TempDir Path anonymous) throws Exception {
    writeFiles(Map.of(), plain, "json");
    writeFiles(Map.of("REPORTING_PSEUDONYM_KEY", KEY), anonymous, "json");

    JsonNode plainReport = JSON.readTree(plain.resolve("daily_summary_" + STAMP + ".json").toFile());
    JsonNode anonymousReport = JSON.readTree(anonymous.resolve("daily_summary_" + STAMP + ".json").toFile());
    Set<String> pseudonyms = personalData(anonymousReport);
    // 9 distinct users, 8 distinct emails (old-abe has none, and keeps none).
    assertThat(pseudonyms).hasSize(9 + 8).doesNotContainAnyElementsOf(personalData(plainReport));
    assertThat(anonymousReport.at("/inactive_users/users/2/email").isNull()).isTrue();
    assertThat(withoutPersonalData(anonymousReport)).isEqualTo(withoutPersonalData(plainReport));
  }

  @Test
  void pseudonymsAreStableAcrossRunsWithTheSameKeyAndChangeWithAnotherKey(
      @TempDir Path first, @TempDir Path second, @TempDir Path other) throws Exception {
    List<Path> firstFiles = writeFiles(Map.of("REPORTING_PSEUDONYM_KEY", KEY), first, "json,csv,html");
    writeFiles(Map.of("REPORTING_PSEUDONYM_KEY", KEY), second, "json,csv,html");
    writeFiles(Map.of("REPORTING_PSEUDONYM_KEY", OTHER_KEY), other, "json");

    for (Path file : firstFiles) {
      assertThat(second.resolve(file.getFileName())).as(file.getFileName().toString()).hasSameBinaryContentAs(file);
    }
    Set<String> firstPseudonyms = personalData(JSON.readTree(first.resolve("daily_summary_" + STAMP + ".json").toFile()));
    Set<String> otherPseudonyms = personalData(JSON.readTree(other.resolve("daily_summary_" + STAMP + ".json").toFile()));
    assertThat(otherPseudonyms).hasSize(firstPseudonyms.size()).doesNotContainAnyElementsOf(firstPseudonyms);
  }

  /** The user ids and non-null emails of the candidates and the listed inactive users. */
  private static Set<String> personalData(JsonNode report) {
    Set<String> values = new HashSet<>();
    for (JsonNode person : concat(report.at("/conversion/candidates"), report.at("/inactive_users/users"))) {
      values.add(person.get("user_id").asText());
      if (!person.get("email").isNull()) {
        values.add(person.get("email").asText());
      }
    }
    return values;
  }

  private static JsonNode withoutPersonalData(JsonNode report) {
    JsonNode copy = report.deepCopy();
    for (JsonNode person : concat(copy.at("/conversion/candidates"), copy.at("/inactive_users/users"))) {
      ((ObjectNode) person).remove(List.of("user_id", "email"));
    }
    return copy;
  }

  private static List<JsonNode> concat(JsonNode first, JsonNode second) {
    List<JsonNode> nodes = new ArrayList<>();
    first.forEach(nodes::add);
    second.forEach(nodes::add);
    return nodes;
  }

  // ---------------------------------------------------------------------------------------------
  // Bad input
  // ---------------------------------------------------------------------------------------------

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "a gym id                | --gym-id " + HandMadeLeadDatabase.GYM + "      | --gym-id",
        "a branch id             | --branch-id " + HandMadeLeadDatabase.BRANCH + " | --branch-id",
        "a start date            | --start-date 2026-03-01 --end-date 2026-03-07   | --start-date",
        "an end date alone       | --end-date 2026-03-07                           | --end-date",
        "an unknown time zone    | --timezone Mars/Base                            | --timezone",
        "an impossible date      | --date 2026-02-30                               | --date",
      })
  void learningBadInputExitsWithTwoAndOneLineNamingTheOption(String description, String options, String option, @TempDir Path dir) {
    Path out = dir.resolve("reports");
    List<String> args = learningDaily("--format", "json,csv", "--out", out.toString());
    // A later option wins in picocli only for single values: drop the defaults the case overrides.
    List<String> extra = List.of(options.trim().split("\\s+"));
    for (String name : List.of("--timezone", "--date")) {
      if (extra.contains(name)) {
        int at = args.indexOf(name);
        args.remove(at + 1);
        args.remove(at);
      }
    }
    args.addAll(extra);

    CliRun run = run(Map.of(), args);

    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err()).contains(option);
    assertThat(run.out()).isEmpty();
    assertThat(out).doesNotExist();
  }
}
