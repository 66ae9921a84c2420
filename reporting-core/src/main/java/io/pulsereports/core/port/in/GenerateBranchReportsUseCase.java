package io.pulsereports.core.port.in;

/**
 * Builds the lead report of every branch of every gym for one period in one batch: the figures
 * are read in grouped passes over the period's rows, not per branch, and each report equals the
 * one {@link GenerateReportUseCase#generate} makes for that branch alone.
 */
public interface GenerateBranchReportsUseCase {

  /**
   * {@code command} names a lead report type ({@code daily} or {@code weekly}) and its period as for
   * one report, without a gym or branch.
   *
   * @throws io.pulsereports.core.InvalidReportRequestException naming the field when the command
   *     is invalid; nothing is read then
   */
  GenerateBranchReportsResult generateEveryBranch(GenerateReportCommand command);
}
