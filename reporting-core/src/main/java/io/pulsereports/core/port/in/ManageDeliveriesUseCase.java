package io.pulsereports.core.port.in;

import io.pulsereports.core.delivery.Delivery;
import io.pulsereports.core.delivery.DeliveryPage;
import io.pulsereports.core.delivery.DeliveryQuery;
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
}
