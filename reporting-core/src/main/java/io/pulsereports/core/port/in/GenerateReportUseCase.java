package io.pulsereports.core.port.in;

/** Builds one report from the operational data. */
public interface GenerateReportUseCase {

  /**
   * @throws io.pulsereports.core.InvalidReportRequestException naming the field when the command
   *     is invalid; nothing is read then
   */
  GenerateReportResult generate(GenerateReportCommand command);
}
