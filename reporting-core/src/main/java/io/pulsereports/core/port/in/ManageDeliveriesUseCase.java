package io.pulsereports.core.port.in;

import io.pulsereports.core.delivery.Delivery;
import io.pulsereports.core.delivery.DeliveryPage;
import io.pulsereports.core.delivery.DeliveryQuery;
import io.pulsereports.core.model.RenderedOutput;
import io.pulsereports.core.model.ReportFormat;
import java.util.List;
import java.util.Optional;

/** Reads the delivery log, runs the deliveries that are due, and retries a delivery on request. */
public interface ManageDeliveriesUseCase {

  /**
   * @throws io.pulsereports.core.InvalidReportRequestException (field {@code delivery_id}) when
   *     the id is not a UUID
   */
  Optional<Delivery> findDelivery(String deliveryId);

  DeliveryPage listDeliveries(DeliveryQuery query);

  /** Attempts up to {@code limit} due deliveries (new, retrying, or abandoned by a dead worker). */
  RunDueResult runDueDeliveries(int limit);

  /**
   * Sends a failed or retrying delivery again now, with a fresh budget of attempts, to the
   * recipients that have not received it; the stored report data is sent, not a new report.
   *
   * @throws io.pulsereports.core.InvalidReportRequestException (field {@code delivery_id}) when
   *     no such delivery exists, or it was sent or skipped, or another worker is sending it now
   */
  Delivery retryDelivery(String deliveryId);

  /**
   * Generates a report and records it in the delivery log as a {@code preview}: its report data is
   * stored and can be read and rendered again, nothing is sent and nothing will be. {@code
   * deliveryMethod} is recorded as given (email when absent) and checked like a send's.
   *
   * @throws io.pulsereports.core.InvalidReportRequestException naming the field of a bad request;
   *     nothing is stored
   */
  Delivery previewReport(GenerateReportCommand command, Optional<String> deliveryMethod);

  /**
   * The report stored with a delivery, rendered again in {@code format} (the page a recipient's
   * "open the full report" link shows, for HTML): the figures as they were generated, not new ones.
   *
   * @throws io.pulsereports.core.NotFoundException (field {@code delivery_id}) when there is no
   *     such delivery
   */
  List<RenderedOutput> renderDelivery(String deliveryId, ReportFormat format);
}
