package io.pulsereports.render.mustache;

import static io.pulsereports.render.mustache.Outputs.csv;
import static io.pulsereports.render.mustache.Outputs.html;
import static io.pulsereports.render.mustache.Outputs.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.pulsereports.core.ReportingException;
import io.pulsereports.core.model.Report;
import io.pulsereports.core.model.ReportFormat;
import io.pulsereports.core.model.ReportPeriod;
import io.pulsereports.core.model.ReportRequest;
import io.pulsereports.core.model.ReportType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class CustomReportTypeTest {

  /** A report type the library does not know: a body record of its own. */
  record ChurnReport(
      long activeMembers,
      OptionalDouble churnRate,
      Map<String, Long> byPlan,
      Segment segment,
      List<PlanRow> plans,
      List<PlanRow> cancelledPlans,
      List<String> notes) {}

  record Segment(String name, double avgTenureSeconds) {}

  record PlanRow(String plan, long members, OptionalDouble churnRate) {}

  private static final String CHURN_TEMPLATE =
      """
      <h1>{{display.header.title}}</h1>
      <p class="active">{{active_members}} members ({{display.active_members}}), churn {{display.churn_rate}}</p>
      <p class="tenure">{{display.segment.avg_tenure_seconds}}</p>
      <ul>{{#display.plans}}<li>{{plan}}: {{members}} at {{churn_rate}}</li>{{/display.plans}}</ul>
      <ol>{{#display.by_plan._entries}}<li>{{key}}={{value}}</li>{{/display.by_plan._entries}}</ol>
      {{> pulse-footer}}
      """;

  private static Report<ChurnReport> churn() {
    Map<String, Long> byPlan = new LinkedHashMap<>();
    byPlan.put("monthlyGold", 1200L);
    byPlan.put("say \"hi\", friend", 34L);
    return new Report<>(
        new ReportRequest(new ReportType("churn"), Optional.empty(),
            ReportPeriod.day(LocalDate.of(2026, 3, 8), ZoneId.of("Europe/Paris"))),
        LeadReportFixtures.GENERATED_AT,
        new ChurnReport(
            1234,
            OptionalDouble.of(0.0625),
            byPlan,
            new Segment("veterans", 4000),
            List.of(new PlanRow("gold", 1200, OptionalDouble.of(0.05)), new PlanRow("<b>basic</b>", 34, OptionalDouble.empty())),
            List.of(),
            List.of("first, note", "second")));
  }

  private final MustacheReportRenderer renderer =
      MustacheReportRenderer.builder().template("churn", CHURN_TEMPLATE).build();

  @Test
  void rendersACustomTypeThroughItsRegisteredTemplate() {
    String html = html(renderer, churn());

    assertThat(html)
        .contains("<h1>Churn report</h1>")
        .contains("<p class=\"active\">1234 members (1,234), churn 6.3 %</p>")
        .contains("<p class=\"tenure\">1 h 06 m 40 s</p>")
        .contains("<li>gold: 1,200 at 5.0 %</li>")
        .contains("<li>&lt;b&gt;basic&lt;/b&gt;: 34 at —</li>")
        .contains("<li>monthlyGold=1,200</li>")
        .contains("Generated 2026-03-09 06:00 (UTC) by Pulse Reports.</p>");
    assertThat(renderer.templateTypes()).containsExactlyInAnyOrder("daily", "weekly", "learning-daily", "churn");
  }

  @Test
  void writesACustomBodyAsSnakeCaseJsonAndKeepsMapKeys() {
    JsonNode json = json(renderer, churn());

    assertThat(Outputs.fieldNames(json))
        .containsExactly("report_type", "timezone", "period", "generated_at",
            "active_members", "churn_rate", "by_plan", "segment", "plans", "cancelled_plans", "notes");
    assertThat(Outputs.fieldNames(json.get("by_plan"))).containsExactly("monthlyGold", "say \"hi\", friend");
    assertThat(json.at("/plans/1/churn_rate").isNull()).isTrue();
    assertThat(json.at("/period/start").asText()).isEqualTo("2026-03-08T00:00:00+01:00");
  }

  @Test
  void derivesCsvTablesFromTheTreeOfACustomBody() {
    Map<String, String> parts = csv(renderer, churn());

    assertThat(parts.keySet()).containsExactly("summary", "plans", "cancelled_plans", "notes");
    assertThat(parts.get("summary").lines())
        .contains(
            "active_members,1234",
            "churn_rate,0.0625",
            "by_plan.monthlyGold,1200",
            "\"by_plan.say \"\"hi\"\", friend\",34",
            "segment.name,veterans",
            "segment.avg_tenure_seconds,4000.0");
    assertThat(parts.get("plans").lines())
        .containsExactly("plan,members,churn_rate", "gold,1200,0.05", "<b>basic</b>,34,");
    assertThat(parts.get("cancelled_plans").lines()).containsExactly("plan,members,churn_rate");
    assertThat(parts.get("notes").lines()).containsExactly("value", "\"first, note\"", "second");
  }

  record PriceReport(BigDecimal price, BigDecimal rounded) {}

  @Test
  void writesDecimalsPlainWithTheirScaleInJsonAndCsv() {
    Report<PriceReport> prices = new Report<>(
        new ReportRequest(new ReportType("prices"), Optional.empty(),
            ReportPeriod.day(LocalDate.of(2026, 3, 8), ZoneId.of("UTC"))),
        LeadReportFixtures.GENERATED_AT,
        new PriceReport(new BigDecimal("179.00"), new BigDecimal("5E+2")));

    assertThat(json(renderer, prices).get("price").decimalValue()).isEqualByComparingTo("179");
    assertThat(Outputs.text(renderer.render(prices, ReportFormat.JSON).get(0)))
        .contains("\"price\": 179.00,", "\"rounded\": 500\n");
    assertThat(csv(renderer, prices).get("summary").lines()).contains("price,179.00", "rounded,500");
  }

  @Test
  void failsNamingTheTypeWhenAReportTypeHasNoTemplate() {
    MustacheReportRenderer builtInsOnly = MustacheReportRenderer.create();

    assertThatThrownBy(() -> builtInsOnly.render(churn(), ReportFormat.HTML))
        .isInstanceOf(ReportingException.class)
        .hasMessageContaining("'churn'");
    assertThat(builtInsOnly.render(churn(), ReportFormat.JSON)).hasSize(1);
  }

  @Test
  void replacesABuiltInTemplateWhenTheTypeIsRegisteredAgain() {
    MustacheReportRenderer branded =
        MustacheReportRenderer.builder().template(ReportType.DAILY, "<p>{{display.leads.new}} new leads</p>").build();

    assertThat(html(branded, LeadReportFixtures.daily())).isEqualTo("<p>8 new leads</p>");
  }

  @Test
  void rejectsATemplateThatDoesNotCompile() {
    assertThatThrownBy(() -> MustacheReportRenderer.builder().template("broken", "<p>\n{{#open}} never closed"))
        .isInstanceOf(InvalidTemplateException.class)
        .hasMessage("line 2, column 1: the section 'open' is opened here and never closed (add {{/open}})");
    assertThatThrownBy(() -> MustacheReportRenderer.builder().emailTemplate("broken", "{{> ../secret}}"))
        .isInstanceOf(InvalidTemplateException.class)
        .hasMessageStartingWith("line 1, column 1: the partial '../secret' is not one of the built-in partials");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> MustacheReportRenderer.builder().template("Not A Type", "x"));
  }
}
