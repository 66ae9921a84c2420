package io.pulsereports.core.port.out;

import io.pulsereports.core.conversion.ConversionOffer;
import io.pulsereports.core.delivery.DeliveryContent;

/**
 * Renders the offer a conversion candidate receives: a subject, an email-safe HTML body and its
 * plain-text twin, ready for a {@link ReportDeliverer}.
 */
public interface OfferRenderer {

  DeliveryContent render(ConversionOffer offer);
}
