package io.pulsereports.core.port.in;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * Generate a report and deliver it, as a user asked (raw text, validated by the use case).
 *
 * @param report the report to generate
 * @param deliveryMethod {@code email} or {@code slack}
 * @param recipients email addresses, or Slack incoming-webhook URLs
 * @param subscriptionId the subscription this delivery belongs to, if any: its (subscription,
 *     period, channel) is delivered at most once
 * @param requestKey a caller's idempotency key for an ad-hoc request; when absent the key is
 *     derived from what is asked (type, scope, time zone, recipients), so the same request for the
 *     same period is delivered once
 * @param skipIfEmpty record the delivery as skipped, sending nothing, when the period had no data
 * @param templateId a custom template of the report's type (and gym, or shared) whose page is the
 *     message's HTML body; empty for the built-in email
 */
public record SendReportCommand(
    GenerateReportCommand report,
    String deliveryMethod,
    List<String> recipients,
    Optional<String> subscriptionId,
    Optional<String> requestKey,
    boolean skipIfEmpty,
    Optional<String> templateId) {

  public SendReportCommand {
    requireNonNull(report, "report");
    requireNonNull(deliveryMethod, "deliveryMethod");
    recipients = List.copyOf(requireNonNull(recipients, "recipients"));
    requireNonNull(subscriptionId, "subscriptionId");
    requireNonNull(requestKey, "requestKey");
    requireNonNull(templateId, "templateId");
  }

  public static SendReportCommand adHoc(GenerateReportCommand report, String deliveryMethod, List<String> recipients) {
    return new SendReportCommand(report, deliveryMethod, recipients, Optional.empty(), Optional.empty(), false, Optional.empty());
  }
}
