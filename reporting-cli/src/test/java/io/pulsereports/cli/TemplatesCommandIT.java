package io.pulsereports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code reporting templates} end to end on the hand-made SQLite database: saved templates are checked first. */
class TemplatesCommandIT {

  private static final Pattern ADDED = Pattern.compile("Added (?:template|subscription) ([0-9a-f-]{36})");

  @TempDir Path folder;
  private Map<String, String> env;

  @BeforeEach
  void createDatabase() throws Exception {
    String url = "jdbc:sqlite:" + folder.resolve("gyms.db");
    HandMadeLeadDatabase.create(url);
    env = Map.of("REPORTING_DB_URL", url);
  }

  private CliRun run(String... args) {
    return CliRun.withEnv(env, args);
  }

  private Path file(String name, String content) throws Exception {
    Path path = folder.resolve(name);
    Files.writeString(path, content, StandardCharsets.UTF_8);
    return path;
  }

  private static String id(CliRun run) {
    Matcher matcher = ADDED.matcher(run.out());
    assertThat(matcher.find()).as(run.out() + run.err()).isTrue();
    return matcher.group(1);
  }

  @Test
  void aTemplateIsCheckedSavedListedShownUpdatedAndRemoved() throws Exception {
    Path good = file("daily.mustache", "<h1>Calls: {{calls.total}}</h1>\n{{> pulse-footer}}\n");

    CliRun added = run("templates", "add", "--name", "Branch morning", "--type", "daily", "--file", good.toString(),
        "--gym-id", HandMadeLeadDatabase.GYM, "--subject", "Morning numbers");
    assertThat(added.exitCode()).as(added.err()).isZero();
    String id = id(added);
    assertThat(added.out()).contains("name          Branch morning", "report        daily (html)",
        "owner         gym " + HandMadeLeadDatabase.GYM, "subject       Morning numbers");

    assertThat(run("templates", "list").out()).contains(id + "  daily  gym " + HandMadeLeadDatabase.GYM)
        .contains("\"Branch morning\"").contains("Showing 1 of 1");
    assertThat(run("templates", "list", "--gym-id", HandMadeLeadDatabase.OTHER_GYM).out()).contains("No templates yet");
    assertThat(run("templates", "show", id, "--content").out()).isEqualTo(Files.readString(good));

    Path broken = file("broken.mustache", "<h1>ok</h1>\n{{#staff}}<p>{{name}}</p>\n");
    CliRun refused = run("templates", "update", id, "--file", broken.toString());
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err()).startsWith("error: --file: line 2").contains("staff");
    assertThat(run("templates", "show", id, "--content").out()).isEqualTo(Files.readString(good));

    CliRun renamed = run("templates", "update", id, "--name", "Renamed");
    assertThat(renamed.out()).contains("name          Renamed").contains("subject       Morning numbers");

    // A subscription may use it; removing the template leaves the subscription on the built-in one.
    String subscription = id(run("subscriptions", "add", "--type", "daily", "--gym-id", HandMadeLeadDatabase.GYM,
        "--method", "email", "--recipients", "ops@example.com", "--time", "08:00", "--template-id", id));
    assertThat(run("subscriptions", "show", subscription).out()).contains("template      " + id);
    assertThat(run("templates", "remove", id).out()).contains("Removed template " + id);
    assertThat(run("subscriptions", "show", subscription).out()).doesNotContain("template      ");
    assertThat(run("templates", "list").out()).contains("No templates yet");
  }

  @Test
  void generateRendersHtmlWithASavedTemplateOfItsType() throws Exception {
    String id = id(run("templates", "add", "--name", "Calls only", "--type", "daily",
        "--file", file("calls.mustache", "<h1>Calls: {{calls.total}}, success {{display.calls.success_rate}}</h1>\n").toString()));
    String[] daily = {"generate", "--type", "daily", "--gym-id", HandMadeLeadDatabase.GYM,
        "--branch-id", HandMadeLeadDatabase.BRANCH, "--date", "2026-03-08", "--timezone", "America/New_York"};

    CliRun json = run(concat(daily, "--format", "json", "--out", "-"));
    Matcher total = Pattern.compile("\"calls\"\\s*:\\s*\\{\\s*\"total\"\\s*:\\s*(\\d+)").matcher(json.out());
    assertThat(total.find()).as(json.out()).isTrue();
    CliRun html = run(concat(daily, "--format", "html", "--out", "-", "--template-id", id));

    assertThat(html.exitCode()).as(html.err()).isZero();
    assertThat(html.out()).startsWith("<h1>Calls: " + total.group(1) + ", success ").contains(" %</h1>");

    CliRun wrongType = run("generate", "--type", "weekly", "--gym-id", HandMadeLeadDatabase.GYM,
        "--date", "2026-03-08", "--format", "html", "--out", "-", "--template-id", id);
    assertThat(wrongType.exitCode()).isEqualTo(2);
    assertThat(wrongType.err()).startsWith("error: --template-id: template " + id + " is for daily reports, not weekly");
    assertThat(wrongType.out()).isEmpty();
  }

  private static String[] concat(String[] first, String... more) {
    String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
    System.arraycopy(more, 0, all, first.length, more.length);
    return all;
  }

  @Test
  void aTemplateThatReadsOutsideTheBuiltInPartialsOrDoesNotCompileIsRefused() throws Exception {
    Map<String, String> cases = Map.of(
        "escape.mustache", "{{> ../../../../etc/passwd}}",
        "unknown.mustache", "{{> my-header}}",
        "unclosed.mustache", "<p>{{#calls}}{{total}}</p>",
        "raw.mustache", "<p>{{{notes}}}</p>");
    for (Map.Entry<String, String> bad : cases.entrySet()) {
      CliRun refused = run("templates", "add", "--name", "bad", "--type", "daily",
          "--file", file(bad.getKey(), bad.getValue()).toString());
      assertThat(refused.exitCode()).as(bad.getKey() + ": " + refused.err()).isEqualTo(2);
      assertThat(refused.err()).as(bad.getKey()).startsWith("error: --file: line 1");
      assertThat(refused.err().lines()).hasSize(1);
    }
    CliRun missing = run("templates", "add", "--name", "x", "--type", "daily", "--file", folder.resolve("nope").toString());
    assertThat(missing.err()).startsWith("error: --file: no file");
    CliRun unknownType = run("templates", "add", "--name", "x", "--type", "monthly",
        "--file", file("ok.mustache", "<p>ok</p>").toString());
    assertThat(unknownType.err()).startsWith("error: --type: unknown report type 'monthly'");
    assertThat(run("templates", "list").out()).contains("No templates yet");
  }
}
