package io.pulsereports.core.port.out;

import io.pulsereports.core.model.GymScope;
import io.pulsereports.core.model.LeadActivity;
import io.pulsereports.core.model.ReportPeriod;
import java.util.Map;

/**
 * Reads the lead and call activity of every branch of every gym for one period at once, for a
 * batch of branch reports. An adapter reads each kind of figure in one grouped pass over the
 * period's rows (grouped by gym and branch), never one query set per branch.
 */
public interface BranchActivityPort {

  /**
   * The activity of each branch that has any in {@code period}: leads created, leads converted or
   * calls. A branch's value equals {@link LeadActivityPort#loadLeadActivity} for {@code
   * GymScope.branch(gym, branch)} on the same data; branches without any activity are absent. Keys
   * are branch scopes, ordered by gym id, then branch id.
   */
  Map<GymScope, LeadActivity> loadEveryBranch(ReportPeriod period);
}
