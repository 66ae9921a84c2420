package io.pulsereports.core.port.out;

import io.pulsereports.core.delivery.DeliveryContent;
import io.pulsereports.core.delivery.StoredReport;
import java.util.Optional;

/**
 * Renders a stored report (its SPEC JSON) into a message: email-safe HTML, a plain-text twin with
 * the same headline figures, inline charts, CSV attachments, and the headlines Slack shows.
 */
public interface MessageRenderer {

  DeliveryContent render(StoredReport report, Optional<String> reportLink);
}
