package io.pulsereports.core.port.out;

import io.pulsereports.core.delivery.DeliveryContent;
import io.pulsereports.core.delivery.StoredReport;
import io.pulsereports.core.template.ReportTemplate;
import java.util.Optional;

/**
 * Renders a stored report (its SPEC JSON) into a message: email-safe HTML, a plain-text twin with
 * the same headline figures, inline charts, CSV attachments, and the headlines Slack shows.
 */
public interface MessageRenderer {

  DeliveryContent render(StoredReport report, Optional<String> reportLink);

  /**
   * The message with {@code template}'s page as its HTML body, when the delivery names a custom
   * template; renderers without custom templates send their own.
   */
  default DeliveryContent render(StoredReport report, Optional<String> reportLink, Optional<ReportTemplate> template) {
    return render(report, reportLink);
  }
}
