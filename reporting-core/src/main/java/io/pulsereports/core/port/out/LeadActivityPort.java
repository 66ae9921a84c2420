package io.pulsereports.core.port.out;

import io.pulsereports.core.model.GymScope;
import io.pulsereports.core.model.LeadActivity;
import io.pulsereports.core.model.ReportPeriod;

/**
 * Reads the lead and call activity of one scope and period from the operational database. An
 * adapter aggregates in the database and returns grouped counts and sums, never rows: local dates
 * and hours are those of {@link ReportPeriod#zone()}.
 */
public interface LeadActivityPort {

  LeadActivity loadLeadActivity(GymScope scope, ReportPeriod period);
}
