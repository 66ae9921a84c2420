package io.pulsereports.cli;

import io.pulsereports.core.model.GymScope;
import io.pulsereports.core.model.LeadActivity;
import io.pulsereports.core.model.ReportPeriod;
import io.pulsereports.core.port.out.LeadActivityPort;
import io.pulsereports.persistence.jdbc.JdbcPersistence;

/**
 * Opens the database on the first read, so a request is validated (and bad input reported)
 * before any connection is made or any file is created.
 */
final class OnDemandLeadActivity implements LeadActivityPort, AutoCloseable {

  private final String databaseUrl;
  private JdbcPersistence database;
  private LeadActivityPort port;

  OnDemandLeadActivity(String databaseUrl) {
    this.databaseUrl = databaseUrl;
  }

  @Override
  public LeadActivity loadLeadActivity(GymScope scope, ReportPeriod period) {
    if (port == null) {
      database = Database.openExisting(databaseUrl);
      port = database.leadActivity();
    }
    return port.loadLeadActivity(scope, period);
  }

  @Override
  public void close() {
    if (database != null) {
      database.close();
    }
  }
}
