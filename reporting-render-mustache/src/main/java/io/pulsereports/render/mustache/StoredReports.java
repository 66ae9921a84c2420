package io.pulsereports.render.mustache;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pulsereports.core.ReportingException;
import io.pulsereports.core.model.GymScope;
import io.pulsereports.core.model.Report;
import io.pulsereports.core.model.ReportPeriod;
import io.pulsereports.core.model.ReportRequest;
import io.pulsereports.core.model.ReportType;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

/** Reads a stored report's JSON (a delivery's report_data) back as a report to render. */
final class StoredReports {

  private StoredReports() {}

  /** The report that {@code tree} was written from: its type, scope, period and time stamp, the tree as body. */
  static Report<ObjectNode> view(ReportType type, ObjectNode tree) {
    try {
      ZoneId zone = ZoneId.of(tree.path("timezone").asText("UTC"));
      OffsetDateTime start = OffsetDateTime.parse(tree.at("/period/start").asText());
      OffsetDateTime end = OffsetDateTime.parse(tree.at("/period/end").asText());
      LocalDate first = start.atZoneSameInstant(zone).toLocalDate();
      LocalDate last = end.atZoneSameInstant(zone).toLocalDate().minusDays(1);
      Optional<GymScope> scope = tree.path("gym_id").isTextual()
          ? Optional.of(new GymScope(UUID.fromString(tree.path("gym_id").asText()),
              tree.path("branch_id").isTextual()
                  ? Optional.of(UUID.fromString(tree.path("branch_id").asText()))
                  : Optional.empty()))
          : Optional.empty();
      Instant generatedAt = tree.path("generated_at").isTextual()
          ? OffsetDateTime.parse(tree.path("generated_at").asText()).toInstant()
          : start.toInstant();
      return new Report<>(new ReportRequest(type, scope, ReportPeriod.range(first, last.isBefore(first) ? first : last, zone)),
          generatedAt, tree);
    } catch (DateTimeException | IllegalArgumentException e) {
      throw new ReportingException("the stored report data has no valid time zone, period or scope: " + e.getMessage(), e);
    }
  }}
