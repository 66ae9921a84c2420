package io.pulsereports.core.port.in;

import static java.util.Objects.requireNonNull;

import io.pulsereports.core.schedule.Subscription;
import java.time.DayOfWeek;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * A subscription as a user writes it (raw text, validated by the use case; field names as in the
 * API: report_type, gym_id, branch_id, delivery_method, recipients, delivery_time, delivery_days,
 * timezone, template_id, is_active, skip_if_empty).
 *
 * @param deliveryTime HH:MM local time (HH:MM:00 is accepted too)
 * @param deliveryDays day names (monday or mon, any case): required for weekly reports; for daily
 *     reports they limit the days a report is sent (empty: every day)
 * @param timezone an IANA zone name; UTC when absent
 */
public record SubscriptionFields(
    Optional<String> name,
    Optional<String> reportType,
    Optional<String> gymId,
    Optional<String> branchId,
    Optional<String> deliveryMethod,
    List<String> recipients,
    Optional<String> deliveryTime,
    List<String> deliveryDays,
    Optional<String> timezone,
    Optional<String> templateId,
    boolean active,
    boolean skipIfEmpty) {

  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

  public SubscriptionFields {
    requireNonNull(name, "name");
    requireNonNull(reportType, "reportType");
    requireNonNull(gymId, "gymId");
    requireNonNull(branchId, "branchId");
    requireNonNull(deliveryMethod, "deliveryMethod");
    recipients = List.copyOf(requireNonNull(recipients, "recipients"));
    requireNonNull(deliveryTime, "deliveryTime");
    deliveryDays = List.copyOf(requireNonNull(deliveryDays, "deliveryDays"));
    requireNonNull(timezone, "timezone");
    requireNonNull(templateId, "templateId");
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The fields of a stored subscription, to change some of them and update it. */
  public static Builder from(Subscription subscription) {
    Builder builder = new Builder();
    builder.name = subscription.name();
    builder.reportType = Optional.of(subscription.reportType().name());
    builder.gymId = subscription.scope().map(scope -> scope.gymId().toString());
    builder.branchId = subscription.scope().flatMap(scope -> scope.branchId()).map(UUID::toString);
    builder.deliveryMethod = Optional.of(subscription.method().code());
    builder.recipients = subscription.recipients();
    builder.deliveryTime = Optional.of(subscription.schedule().deliveryTime().format(HH_MM));
    builder.deliveryDays =
        subscription.schedule().deliveryDays().stream().map(DayOfWeek::name).map(d -> d.toLowerCase(Locale.ROOT)).toList();
    builder.timezone = Optional.of(subscription.schedule().zone().getId());
    builder.templateId = subscription.templateId().map(UUID::toString);
    builder.active = subscription.active();
    builder.skipIfEmpty = subscription.skipIfEmpty();
    return builder;
  }

  /** Collects the fields; text fields left unset are absent. */
  public static final class Builder {
    private Optional<String> name = Optional.empty();
    private Optional<String> reportType = Optional.empty();
    private Optional<String> gymId = Optional.empty();
    private Optional<String> branchId = Optional.empty();
    private Optional<String> deliveryMethod = Optional.empty();
    private List<String> recipients = List.of();
    private Optional<String> deliveryTime = Optional.empty();
    private List<String> deliveryDays = List.of();
    private Optional<String> timezone = Optional.empty();
    private Optional<String> templateId = Optional.empty();
    private boolean active = true;
    private boolean skipIfEmpty;

    private Builder() {}

    public Builder name(Optional<String> value) {
      this.name = requireNonNull(value, "name");
      return this;
    }

    public Builder reportType(String value) {
      this.reportType = Optional.ofNullable(value);
      return this;
    }

    public Builder gymId(Optional<String> value) {
      this.gymId = requireNonNull(value, "gymId");
      return this;
    }

    public Builder branchId(Optional<String> value) {
      this.branchId = requireNonNull(value, "branchId");
      return this;
    }

    public Builder deliveryMethod(String value) {
      this.deliveryMethod = Optional.ofNullable(value);
      return this;
    }

    public Builder recipients(List<String> values) {
      this.recipients = requireNonNull(values, "recipients");
      return this;
    }

    public Builder deliveryTime(String value) {
      this.deliveryTime = Optional.ofNullable(value);
      return this;
    }

    public Builder deliveryDays(List<String> values) {
      this.deliveryDays = requireNonNull(values, "deliveryDays");
      return this;
    }

    public Builder timezone(Optional<String> value) {
      this.timezone = requireNonNull(value, "timezone");
      return this;
    }

    public Builder templateId(Optional<String> value) {
      this.templateId = requireNonNull(value, "templateId");
      return this;
    }

    public Builder active(boolean value) {
      this.active = value;
      return this;
    }

    public Builder skipIfEmpty(boolean value) {
      this.skipIfEmpty = value;
      return this;
    }

    public SubscriptionFields build() {
      return new SubscriptionFields(name, reportType, gymId, branchId, deliveryMethod, recipients, deliveryTime,
          deliveryDays, timezone, templateId, active, skipIfEmpty);
    }
  }
}
