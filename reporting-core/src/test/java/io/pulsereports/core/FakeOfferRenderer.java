package io.pulsereports.core;

import io.pulsereports.core.conversion.ConversionOffer;
import io.pulsereports.core.delivery.DeliveryContent;
import io.pulsereports.core.port.out.OfferRenderer;
import java.util.List;
import java.util.Optional;

/** Renders an offer as a few lines naming what the offer says; records every offer it rendered. */
final class FakeOfferRenderer implements OfferRenderer {

  final List<ConversionOffer> rendered = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

  @Override
  public DeliveryContent render(ConversionOffer offer) {
    rendered.add(offer);
    String text = "Hi " + offer.email() + ": " + offer.sessions() + " sessions at " + offer.avgScore() + "; "
        + offer.terms().discountedPrice() + " " + offer.terms().currencyCode() + " until " + offer.validUntil();
    return new DeliveryContent("Offer for " + offer.userId(), "offer", List.of(), "<p>" + text + "</p>", text,
        List.of(), List.of(), Optional.empty());
  }
}
