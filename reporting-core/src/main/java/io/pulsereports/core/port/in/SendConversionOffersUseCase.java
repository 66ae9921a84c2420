package io.pulsereports.core.port.in;

/**
 * Lists the conversion candidates of a local day (the learning-daily report's {@code
 * conversion.candidates}), and on request records a conversion trigger for each and emails them
 * the offer, once per user and day.
 */
public interface SendConversionOffersUseCase {

  /**
   * @throws io.pulsereports.core.InvalidReportRequestException naming the field ({@code date},
   *     {@code timezone}) when the command is invalid; nothing is read, written or sent then
   */
  SendConversionOffersResult sendConversionOffers(SendConversionOffersCommand command);
}
