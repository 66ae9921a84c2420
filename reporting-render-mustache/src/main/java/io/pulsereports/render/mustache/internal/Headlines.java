package io.pulsereports.render.mustache.internal;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pulsereports.core.delivery.Headline;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The figures a reader looks at first, per report type: the plain-text part, the KPI cards of the
 * email and the Slack fields all show exactly these, so the three never disagree.
 */
public final class Headlines {

  /** A headline with the direction of its change ({@code up}, {@code down}, {@code flat}), for its colour. */
  public record Figure(String label, String value, Optional<String> change, String direction) {
    public Figure {
      requireNonNull(label, "label");
      requireNonNull(value, "value");
      requireNonNull(change, "change");
      requireNonNull(direction, "direction");
    }

    public Headline headline() {
      return new Headline(label, value, change);
    }
  }

  private Headlines() {}

  /** The headline figures of a report of {@code type}; empty for a type it does not know. */
  public static List<Figure> of(String type, ObjectNode tree) {
    List<Figure> figures = new ArrayList<>();
    switch (type) {
      case "daily" -> {
        figures.add(count("New leads", tree.at("/leads/new")));
        figures.add(count("Converted", tree.at("/leads/converted_in_period")));
        figures.add(count("Calls", tree.at("/calls/total")));
        figures.add(rate("Call success rate", tree.at("/calls/success_rate")));
        figures.add(rate("Interest rate", tree.at("/interest_rate")));
        JsonNode best = tree.at("/best_hour");
        figures.add(plain("Best hour", best.isNumber() ? DisplayFormat.hour(best.asLong()) : DisplayFormat.UNDEFINED));
      }
      case "weekly" -> {
        figures.add(withChange(count("New leads", tree.at("/leads/new")), tree.at("/changes/leads/new"), "new"));
        figures.add(withChange(count("Converted", tree.at("/leads/converted_in_period")),
            tree.at("/changes/leads/converted_in_period"), "converted_in_period"));
        figures.add(withChange(rate("Conversion rate", tree.at("/leads/conversion_rate")),
            tree.at("/changes/leads/conversion_rate"), "conversion_rate"));
        figures.add(withChange(count("Calls", tree.at("/calls/total")), tree.at("/changes/calls/total"), "total"));
        figures.add(withChange(rate("Call success rate", tree.at("/calls/success_rate")),
            tree.at("/changes/calls/success_rate"), "success_rate"));
        figures.add(withChange(rate("Interest rate", tree.at("/interest_rate")), tree.at("/changes/interest_rate"),
            "interest_rate"));
      }
      case "learning-daily" -> {
        figures.add(count("Active users (7 days)", tree.at("/engagement/total/active_users")));
        figures.add(count("Sessions (7 days)", tree.at("/engagement/total/sessions")));
        JsonNode confidence = tree.at("/engagement/total/avg_confidence");
        figures.add(plain("Average confidence",
            confidence.isNumber() ? DisplayFormat.oneDecimal(confidence.asDouble()) : DisplayFormat.UNDEFINED));
        figures.add(count("Errors detected (30 days)", tree.at("/mistakes/total_errors")));
        JsonNode top = tree.at("/mistakes/top/0");
        if (top.isObject()) {
          String text = top.path("error_text").isTextual() ? " “" + top.path("error_text").asText() + "”" : "";
          figures.add(new Figure("Top mistake",
              top.path("error_category").asText() + " (" + top.path("error_type").asText() + ")" + text,
              top.path("pct").isNumber()
                  ? Optional.of(DisplayFormat.percent(top.path("pct").asDouble()) + " of errors")
                  : Optional.empty(),
              "flat"));
        }
        figures.add(count("Conversion candidates", tree.at("/conversion/candidate_count")));
        JsonNode revenue = tree.at("/conversion/revenue_potential");
        figures.add(plain("Revenue potential", revenue.isNumber()
            ? DisplayFormat.money(revenue.decimalValue(), tree.at("/conversion/currency").asText(null))
            : DisplayFormat.UNDEFINED));
        figures.add(count("Inactive users (30 days)", tree.at("/inactive_users/count")));
      }
      default -> { }
    }
    return List.copyOf(figures);
  }

  private static Figure plain(String label, String value) {
    return new Figure(label, value, Optional.empty(), "flat");
  }

  private static Figure count(String label, JsonNode value) {
    return plain(label, value.isNumber() ? DisplayFormat.count(value.asLong()) : DisplayFormat.UNDEFINED);
  }

  private static Figure rate(String label, JsonNode value) {
    return plain(label, value.isNumber() ? DisplayFormat.percent(value.asDouble()) : DisplayFormat.UNDEFINED);
  }

  /** The figure with its change in words and an arrow, as {@link HtmlModel#changeText} writes it. */
  private static Figure withChange(Figure figure, JsonNode change, String field) {
    return HtmlModel.changeText(change, field)
        .map(text -> new Figure(figure.label(), figure.value(), Optional.of(text), change.path("trend").asText("flat")))
        .orElse(figure);
  }
}
