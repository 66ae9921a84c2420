package io.pulsereports.core.port.in;

/** Generates a report, records it in the delivery log, and delivers it once. */
public interface SendReportUseCase {

  /**
   * @throws io.pulsereports.core.InvalidReportRequestException naming the field when the report,
   *     the method or a recipient is invalid; nothing is stored or sent then
   */
  SendReportResult send(SendReportCommand command);
}
